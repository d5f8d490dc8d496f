using System.Globalization;
using MeetingBot.Engine.Reports;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// "PSTN and SMS usage" as chat shows it: the latest few paid segments, one record each (the user, then the report's
/// columns as facts), and a link to the web client's full report. Web Chat's bubble is ~480 px wide, where the
/// report's ten columns as a Table broke words mid-word.
/// </summary>
public static class UsageReportCard
{
    public const int MaxRows = 5;

    /// <summary>The id of the n-th record shown (1-based), newest first.</summary>
    public static string RecordId(int n) => "usage-" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The facts of every record, in order; the record's heading is the user's display name.</summary>
    public static IReadOnlyList<string> Facts { get; } =
        ["Call type", "From", "To", "Start (UTC)", "Duration", "Charge", "Capability"];

    public static JObject Build(IReadOnlyList<UsageRecord> records, DateTimeOffset from, DateTimeOffset to, string? fullReportUrl = null)
    {
        var shown = records.OrderByDescending(r => r.Start).Take(MaxRows).Select((r, i) => Record(RecordId(i + 1), r.UserDisplayName, Facts.Zip(
        [
            r.CallType,
            CardFormat.Phone(r.FromNumber),
            CardFormat.Phone(r.ToNumber),
            r.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            CardFormat.Duration(TimeSpan.FromSeconds(r.DurationSeconds)),
            $"{CardFormat.Amount(r.Charge)} {r.Currency}",
            r.Capability.ToString(),
        ])));

        return Card(
        [
            Heading("PSTN usage"),
            Text($"{CardFormat.Date(from)} to {CardFormat.Date(to)} (UTC) · {records.Count} record(s) · total charge {CardFormat.Amount(records.Sum(r => r.Charge))}", subtle: true),
            records.Count == 0 ? Text("No calls in this period.", subtle: true) : null,
            .. shown,
            records.Count > MaxRows
                ? Text($"Showing the latest {MaxRows} of {records.Count}. The full report, with every column and CSV export, is in the web client.", subtle: true).WithId("usage-more")
                : null,
        ],
        [
            fullReportUrl is null ? null : OpenUrl("Full report", fullReportUrl),
            Submit("Minute pools report", CardActions.Pools),
            Submit("Credits", CardActions.Credits),
        ]);
    }
}
