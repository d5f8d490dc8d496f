using System.Globalization;
using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>The words for toll-fraud guardrails and held dial-outs, shared by the bot's cards, the API and the hub.</summary>
public static class GuardrailWords
{
    /// <summary>Why the call waits: "outside Zone A (Egypt)" or "$0.24 a minute, above the approval rate".</summary>
    public static string Reason(DialOutApproval a) => a.Reason switch
    {
        ApprovalReason.OutsideZoneA => $"outside Zone A ({Country(a.RegionCode)})",
        _ => $"{CardFormat.Price(a.RatePerMinute, a.Currency)} a minute, above the approval rate",
    };

    /// <summary>What the organizer is asked.</summary>
    public static string Request(DialOutApproval a) =>
        $"{a.RequesterName} wants to {(a.Kind == CallLegKind.CallMe ? "be called at" : "add")} {CardFormat.Phone(a.Number)} in meeting {a.MeetingId}: " +
        $"{Reason(a)}, {CardFormat.Price(a.RatePerMinute, a.Currency)} a minute on Communications Credits. " +
        $"Approve or deny by {a.ExpiresAt.UtcDateTime.ToString("HH:mm", CultureInfo.InvariantCulture)} UTC; nothing is dialed until you approve.";

    /// <summary>The tenant's settings in one line each.</summary>
    public static IEnumerable<(string Title, string Value)> Settings(TollFraudGuardrails g, string currency) =>
    [
        ("Default budget", Budget(g.DefaultBudget, currency)),
        ("Approval outside Zone A", g.ApprovalOutsideZoneA ? "on" : "off"),
        ("Approval above", g.ApprovalAboveRatePerMinute is { } r ? CardFormat.Price(r, currency) + " a minute" : "off"),
        ("Approvals expire after", $"{g.ApprovalExpiryMinutes} min"),
    ];

    public static string Budget(DialOutBudget b, string currency) => b.IsUnlimited ? "no limit"
        : $"{(b.MinutesPerMonth is { } m ? $"{m} min" : "any minutes")} and {(b.MoneyPerMonth is { } d ? CardFormat.Money(d, currency) : "any money")} a month";

    /// <summary>A user's budget and this month's use.</summary>
    public static string Use(UserBudgetStatus s, string currency) =>
        $"{Budget(s.Budget, currency)}{(s.IsOverride ? "" : " (default)")}; used {s.MinutesUsed} min and {CardFormat.Money(s.MoneySpent, currency)}{(s.IsSpent ? " — spent" : "")}";

    /// <summary>A country's English name, as the cost preview names it.</summary>
    public static string Country(string regionCode) => ConferenceEngine.CountryName(regionCode);
}
