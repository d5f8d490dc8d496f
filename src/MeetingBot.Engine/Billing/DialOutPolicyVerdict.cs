using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Billing;

/// <summary>
/// What a dial-out permission says about one destination. The permission that governs a meeting's dial-outs is its
/// organizer's (see <c>ConferenceEngine.AuthorizeDialOut</c>): for the dialing user's own meetings it is their own.
/// </summary>
/// <param name="UserId">Whose permission it is: the meeting's organizer.</param>
/// <param name="DisplayName">That user's name, as the card and the web page say it.</param>
/// <param name="Permission">Any destination, same country or region as the organizer, or Don't allow.</param>
/// <param name="Refusal">Null when the permission allows the destination; else the error the dial-out gets.</param>
public sealed record DialOutPolicyVerdict(string UserId, string DisplayName, DialOutPermission Permission, EngineError? Refusal)
{
    public bool Allows => Refusal is null;
}
