using System.Globalization;
using MeetingBot.Engine.Reports;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>The tenant's audit log, newest first: admin actions and every dial-out attempt, refusals too.</summary>
public static class AuditCard
{
    public const int MaxRows = 20;

    public static IReadOnlyList<string> Headers { get; } = ["Time (UTC)", "Who", "Action", "Target", "Outcome"];

    public static JObject Build(IReadOnlyList<AuditEntry> newestFirst)
    {
        var rows = newestFirst.Take(MaxRows).Select(e => Row(
        [
            e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            e.ActorId,
            e.Action,
            e.Target,
            e.Outcome,
        ], bold: false));
        var table = new JObject
        {
            ["type"] = "Table",
            ["id"] = "audit",
            ["firstRowAsHeader"] = true,
            ["showGridLines"] = true,
            ["columns"] = new JArray(Headers.Select(_ => new JObject { ["width"] = 1 })),
            ["rows"] = new JArray(rows.Prepend(Row(Headers, bold: true))),
        };
        return Card(
        [
            Heading("Audit log"),
            Text($"Admin actions and dial-out attempts, newest first · showing {Math.Min(newestFirst.Count, MaxRows)} of {newestFirst.Count}", subtle: true),
            newestFirst.Count == 0 ? Text("Nothing recorded yet.", subtle: true) : table,
        ],
        [Submit("Admin", CardActions.Admin), Submit("PSTN usage report", CardActions.Usage)]);
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
