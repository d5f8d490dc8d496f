using System.Globalization;
using MeetingBot.Engine;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Tenancy;
using MeetingBot.Engine.Phone;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>How cards write times, money, durations and pool usage (invariant culture: the demo is English).</summary>
public static class CardFormat
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>An instant in the viewer's offset, e.g. "Tue 14 Jan 2025 14:30 UTC-05:00".</summary>
    public static string When(DateTimeOffset at, TimeSpan viewerOffset)
    {
        var local = at.ToOffset(viewerOffset);
        var zone = viewerOffset == TimeSpan.Zero ? "UTC" : "UTC" + local.ToString("zzz", Invariant);
        return local.ToString("ddd d MMM yyyy HH:mm", Invariant) + " " + zone;
    }

    public static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", Invariant);

    /// <summary>
    /// Money as people see it, in whole cents (Teams shows currency amounts with two decimals). The engine and the
    /// exports keep the exact value: a 0.018 charge is shown 0.02 here and stays 0.018 in the ledger and the CSV.
    /// </summary>
    public static string Amount(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("0.00", Invariant);

    public static string Money(decimal amount, string currency) => Amount(amount) + " " + currency;

    /// <summary>A price as Teams shows money: the currency's sign and two decimals ("$0.24"); other currencies as <see cref="Money"/>.</summary>
    public static string Price(decimal amount, string currency) => currency.ToUpperInvariant() switch
    {
        "USD" => "$" + Amount(amount),
        "GBP" => "£" + Amount(amount),
        "EUR" => "€" + Amount(amount),
        _ => Money(amount, currency),
    };

    public static string Duration(TimeSpan d) =>
        d.TotalHours >= 1 ? $"{(int)d.TotalHours}h {d.Minutes:D2}m {d.Seconds:D2}s" : $"{d.Minutes}m {d.Seconds:D2}s";

    public static string Phone(string e164) => PhoneNumberNormalizer.Display(e164);

    /// <summary>Teams writes conference IDs in groups of three: "123 456 789#".</summary>
    public static string ConferenceId(string digits) =>
        string.Join(' ', digits.Chunk(3).Select(c => new string(c))) + "#";

    /// <summary>A text progress bar, e.g. "▓▓▓▓░░░░ 45/120"; full when used ≥ available.</summary>
    public static string ProgressBar(int used, int available, int width = 20)
    {
        var filled = available <= 0 ? (used > 0 ? width : 0) : (int)Math.Min(width, Math.Round((double)used * width / available, MidpointRounding.AwayFromZero));
        return new string('▓', filled) + new string('░', width - filled) + $" {used}/{available}";
    }

    /// <summary>What the user who added someone by phone hears after leaving the client while that call goes on.</summary>
    public static string AddedPhoneStillConnected(string toNumber, string meetingId, decimal? ratePerMinute, string currency) =>
        $"{Phone(toNumber)}, whom you added by phone to meeting {meetingId}, is still connected after you left" +
        (ratePerMinute is { } rate ? $" and is charged to Communications Credits at {Money(rate, currency)} a minute." : " (on the pooled dial-out minutes).") +
        " Hang up if the call is over.";

    /// <summary>What the user hears (chat and client) when the tenant's orphaned-leg guard hung their phone up.</summary>
    public static string OrphanedLegEnded(string toNumber, string meetingId, OrphanedLegEndReason reason) => reason switch
    {
        OrphanedLegEndReason.NoAnswerToStayPrompt =>
            $"We hung up your phone {Phone(toNumber)} in meeting {meetingId}: you left the meeting in the app, and nobody pressed 1 on the phone to stay. Minutes already used stay paid.",
        _ => $"Your phone {Phone(toNumber)} stayed connected to meeting {meetingId} after you left, so your organization's policy hung it up.",
    };

    /// <summary>The tenant's orphaned-leg policy in words (chat answers and the web admin page's hint alike).</summary>
    public static string OrphanedLegPolicy(OrphanedLegPolicy policy) => policy.Action switch
    {
        OrphanedLegAction.Ask => "Orphaned phone policy: Ask. When someone leaves a meeting in the app with their phone still connected, the phone hears \"" +
                                 EngineMessages.StayOnThePhonePrompt + "\" and is hung up if nobody presses 1.",
        OrphanedLegAction.End => $"Orphaned phone policy: End. A phone left connected after its user left the meeting in the app is hung up after {policy.EndAfterMinutes} {(policy.EndAfterMinutes == 1 ? "minute" : "minutes")}.",
        _ => "Orphaned phone policy: Off. A phone left connected after its user left keeps the call going (and costing), with reminders to hang up, as in Teams.",
    };
}
