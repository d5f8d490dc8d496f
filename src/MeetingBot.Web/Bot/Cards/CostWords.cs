using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// The words of a cost preview, in one place: the bot's confirm card, the API's preview (which the web client shows as
/// is) and nothing else say who pays and what the dial-out policy allows.
/// </summary>
public static class CostWords
{
    /// <summary>"Zone A" or "outside Zone A" with the country, e.g. "United Kingdom (GB), Zone A".</summary>
    public static string Destination(CostPreview p) =>
        $"{p.CountryName} ({p.Number.RegionCode}), {(p.IsZoneA ? "Zone A" : "outside Zone A")}";

    /// <summary>Who would pay the first minute: the pool, credits at the rate, or refused with the engine's words.</summary>
    public static string Payer(CostPreview p) => p.Payer switch
    {
        FundingSource.Pool => $"the tenant's pooled minutes ({p.PoolMinutesLeft.ToString(System.Globalization.CultureInfo.InvariantCulture)} min left this month)",
        FundingSource.Credits => $"Communications Credits at {CardFormat.Price(p.RatePerMinute, p.Currency)} a minute" + (p.RechargeFirst ? ", after an auto-recharge" : ""),
        FundingSource.IncludedInLicense => "included in the organizer's Audio Conferencing license",
        _ => "refused: " + EngineMessages.For(p.FundingRefusal ?? EngineError.CallingFeatureNotSetUp),
    };

    /// <summary>When the toll-fraud guardrails would hold the call: whose approval it waits for, and why; else null.</summary>
    public static string? Approval(CostPreview p) => p.NeedsApproval switch
    {
        null => null,
        ApprovalReason.OutsideZoneA => $"needs {p.Policy.DisplayName}'s approval first (outside Zone A): nothing is dialed until the organizer approves",
        _ => $"needs {p.Policy.DisplayName}'s approval first ({CardFormat.Price(p.RatePerMinute, p.Currency)} a minute is above the approval rate): nothing is dialed until the organizer approves",
    };

    public static string Permission(DialOutPermission permission) => permission switch
    {
        DialOutPermission.AnyDestination => "Any destination",
        DialOutPermission.InSameCountryOrRegion => "In the same country or region as the organizer",
        _ => "Don't allow",
    };

    /// <summary>The dial-out policy's verdict, naming whose it is (the organizer's governs their meetings).</summary>
    public static string Policy(CostPreview p, string viewerUserId)
    {
        var whose = string.Equals(p.Policy.UserId, viewerUserId, StringComparison.OrdinalIgnoreCase)
            ? "yours, as the organizer"
            : $"the organizer's, {p.Policy.DisplayName}";
        return $"{Permission(p.Policy.Permission)} ({whose}): {(p.Policy.Allows ? "allows this number" : "does not allow this number")}";
    }
}
