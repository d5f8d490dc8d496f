using System.Globalization;
using MeetingBot.Engine.Reports;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// The tenant's audit log, newest first: admin actions and every dial-out attempt, refusals too. One record per entry
/// (the action, then who, when, on what, with what outcome): a five-column Table breaks words in Web Chat's ~480 px bubble.
/// </summary>
public static class AuditCard
{
    public const int MaxRows = 10;

    /// <summary>The id of the n-th entry shown (1-based), newest first.</summary>
    public static string RecordId(int n) => "audit-" + n.ToString(CultureInfo.InvariantCulture);

    /// <summary>The facts of every entry, in order; the entry's heading is its action.</summary>
    public static IReadOnlyList<string> Facts { get; } = ["Time (UTC)", "Who", "Target", "Outcome"];

    public static JObject Build(IReadOnlyList<AuditEntry> newestFirst) => Card(
        [
            Heading("Audit log"),
            Text($"Admin actions and dial-out attempts, newest first · showing {Math.Min(newestFirst.Count, MaxRows)} of {newestFirst.Count}", subtle: true),
            newestFirst.Count == 0 ? Text("Nothing recorded yet.", subtle: true) : null,
            .. newestFirst.Take(MaxRows).Select((e, i) => Record(RecordId(i + 1), e.Action, Facts.Zip(
            [
                e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                e.ActorId,
                e.Target,
                e.Outcome,
            ]))),
        ],
        [Submit("Admin", CardActions.Admin), Submit("PSTN usage report", CardActions.Usage)]);
}
