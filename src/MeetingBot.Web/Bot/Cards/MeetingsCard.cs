using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine.Meetings;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

public static class MeetingsCard
{
    public static JObject Build(string userName, IReadOnlyList<MeetingSnapshot> meetings, TimeSpan viewerOffset) => Card(
        [
            Heading($"Meetings of {userName}"),
            meetings.Count == 0 ? Text("No meetings yet. Type `schedule Weekly sync`.", subtle: true) : null,
            .. meetings.Select(m => Container(
            [
                Text($"**{m.Subject}** (meeting {m.Id})"),
                Text(CardFormat.When(m.Start, viewerOffset) + (m.IsEnded ? " · ended" : "") + (m.ConferenceId is { } c ? $" · conference ID {CardFormat.ConferenceId(c)}" : " · no dial-in"), subtle: true),
                m.IsEnded ? null : ActionRow([Submit("Join", CardActions.ShowPreJoin, new { meetingId = m.Id })]),
            ], separator: true)),
        ]);
}
