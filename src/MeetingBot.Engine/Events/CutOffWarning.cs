namespace MeetingBot.Engine.Events;

/// <summary>
/// Beyond Teams, which cuts a call off without a word: what can still be paid for this live leg covers no more than
/// <paramref name="ThresholdMinutes"/> minutes. The phone hears <paramref name="Prompt"/> (recorded on the leg); the
/// user who dialed and the organizer are told, with a way to add funds (admins) or hang up.
/// </summary>
/// <param name="DialingUserId">Who placed the call ("Call me" or added the person); null for a dial-in caller.</param>
/// <param name="OrganizerId">The meeting's organizer, whose licenses pay for it.</param>
/// <param name="ThresholdMinutes">The tenant's warning threshold this warning is for (5 or 1 by default).</param>
/// <param name="MinutesLeft">Whole minutes the call can still run, the minute in progress included.</param>
public sealed record CutOffWarning(string TenantId, DateTimeOffset At, string MeetingId, string LegId, string ToNumber,
    string? DialingUserId, string OrganizerId, int ThresholdMinutes, int MinutesLeft, string Prompt)
    : EngineEvent(TenantId, At)
{
    /// <summary>Who hears of it in chat and the client: the dialing user and the organizer, once each.</summary>
    public IReadOnlyList<string> Recipients =>
        DialingUserId is null || string.Equals(DialingUserId, OrganizerId, StringComparison.OrdinalIgnoreCase) ? [OrganizerId] : [DialingUserId, OrganizerId];
}
