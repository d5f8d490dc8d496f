using System.Globalization;
using MeetingBot.Engine.Reports;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>"PSTN and SMS usage": one row per paid segment of a call, with the report's columns.</summary>
public static class UsageReportCard
{
    public const int MaxRows = 30;

    public static IReadOnlyList<string> Headers { get; } =
        ["User", "Call type", "From", "To", "Start", "Duration", "Charge", "Currency", "Capability"];

    public static JObject Build(IReadOnlyList<UsageRecord> records, DateTimeOffset from, DateTimeOffset to)
    {
        var shown = records.OrderByDescending(r => r.Start).Take(MaxRows).ToList();
        var header = Row(Headers, bold: true);
        var rows = shown.Select(r => Row(
        [
            r.UserDisplayName,
            r.CallType,
            CardFormat.Phone(r.FromNumber),
            CardFormat.Phone(r.ToNumber),
            r.Start.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            CardFormat.Duration(TimeSpan.FromSeconds(r.DurationSeconds)),
            CardFormat.Amount(r.Charge),
            r.Currency,
            r.Capability.ToString(),
        ], bold: false));

        var table = new JObject
        {
            ["type"] = "Table",
            ["id"] = "usage",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = true,
            ["columns"] = new JArray(Headers.Select(_ => new JObject { ["width"] = 1 })),
            ["rows"] = new JArray(rows.Prepend(header)),
        };

        return Card(
        [
            Heading("PSTN usage"),
            Text($"{CardFormat.Date(from)} to {CardFormat.Date(to)} (UTC) · {records.Count} record(s) · total charge {CardFormat.Amount(records.Sum(r => r.Charge))}", subtle: true),
            records.Count == 0 ? Text("No calls in this period.", subtle: true) : table,
            records.Count > MaxRows ? Text($"Showing the latest {MaxRows}. Export all as CSV from the web client.", subtle: true) : null,
        ],
        [Submit("Minute pools report", CardActions.Pools), Submit("Credits", CardActions.Credits)]);
    }

    private static JObject Row(IEnumerable<string> cells, bool bold) => new()
    {
        ["type"] = "TableRow",
        ["cells"] = new JArray(cells.Select(c => new JObject
        {
            ["type"] = "TableCell",
            ["items"] = new JArray(Text(c, size: "Small", weight: bold ? "Bolder" : null)),
        })),
    };
}
