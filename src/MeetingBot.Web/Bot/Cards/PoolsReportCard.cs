using System.Globalization;
using MeetingBot.Engine.Reports;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// "PSTN minute pools": per month, each pool that has minutes (used of available, as a bar); pools without any are
/// named on one line, so the card stays short in Web Chat's ~480 px bubble.
/// </summary>
public static class PoolsReportCard
{
    public static JObject Build(IReadOnlyList<MinutePoolRow> rows) => Card(
        [
            Heading("PSTN minute pools"),
            Text("Pooled minutes per capability. Teams shows the current month only; past months are listed too.", subtle: true),
            .. rows.GroupBy(r => r.Month).OrderByDescending(g => g.Key).Select(month => Container(
            [
                Text(month.Key.ToString("MMMM yyyy", CultureInfo.InvariantCulture), weight: "Bolder"),
                .. month.Where(HasMinutes).Select(r => Container(
                [
                    Text($"**{r.Capability}** · {r.Description}"),
                    Text(CardFormat.ProgressBar(r.MinutesUsed, r.MinutesAvailable), fontType: "Monospace")
                        .WithId($"bar-{r.Month:yyyy-MM}-{r.Capability}"),
                    Text($"{r.MinutesLeft} minutes left", subtle: true),
                ])),
                // Pools no license feeds say one line together: three empty bars a month made the card too long to read in chat.
                month.Where(r => !HasMinutes(r)).Select(r => r.Capability.ToString()).ToList() is { Count: > 0 } empty
                    ? Text($"No minutes: {string.Join(", ", empty)} (no licenses).", subtle: true).WithId($"empty-{month.Key:yyyy-MM}")
                    : null,
            ], separator: true)),
        ],
        [Submit("Usage report", CardActions.Usage), Submit("Credits", CardActions.Credits)]);

    private static bool HasMinutes(MinutePoolRow row) => row.MinutesAvailable > 0 || row.MinutesUsed > 0;
}
