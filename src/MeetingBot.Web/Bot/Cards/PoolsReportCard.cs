using System.Globalization;
using MeetingBot.Engine.Reports;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>"PSTN minute pools": per capability and month, minutes used of those available.</summary>
public static class PoolsReportCard
{
    public static JObject Build(IReadOnlyList<MinutePoolRow> rows) => Card(
        [
            Heading("PSTN minute pools"),
            Text("Pooled minutes per capability. Teams shows the current month only; past months are listed too.", subtle: true),
            .. rows.GroupBy(r => r.Month).OrderByDescending(g => g.Key).Select(month => Container(
            [
                Text(month.Key.ToString("MMMM yyyy", CultureInfo.InvariantCulture), weight: "Bolder"),
                .. month.Select(r => Container(
                [
                    Text($"**{r.Capability}** · {r.Description}"),
                    Text(CardFormat.ProgressBar(r.MinutesUsed, r.MinutesAvailable), fontType: "Monospace")
                        .WithId($"bar-{r.Month:yyyy-MM}-{r.Capability}"),
                    Text($"{r.MinutesLeft} minutes left", subtle: true),
                ])),
            ], separator: true)),
        ],
        [Submit("Usage report", CardActions.Usage), Submit("Credits", CardActions.Credits)]);
}
