using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine.Meetings;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// The organizer's lobby: who is waiting, each with an Admit button, and the "Meeting options" lobby settings
/// (who bypasses it, and whether callers dialing in do).
/// </summary>
public static class LobbyCard
{
    public static IReadOnlyList<(string Title, LobbyBypass Value)> BypassChoices { get; } =
    [
        ("Everyone", LobbyBypass.Everyone),
        ("People in my organization", LobbyBypass.PeopleInMyOrganization),
        ("Only me", LobbyBypass.OnlyOrganizer),
    ];

    public static IReadOnlyList<ParticipantSnapshot> Waiting(MeetingSnapshot meeting) =>
        meeting.Participants.Where(p => p.InLobby && p.LeftAt is null).ToList();

    public static JObject Build(MeetingSnapshot meeting)
    {
        var waiting = Waiting(meeting);
        var body = new List<JToken?>
        {
            Text("Lobby", weight: "Bolder"),
            Heading(meeting.Subject),
            Text(waiting.Count == 0 ? "Nobody is waiting in the lobby." : $"Waiting in the lobby ({waiting.Count})", subtle: waiting.Count == 0).WithId("waitingCount"),
        };
        foreach (var p in waiting)
        {
            body.Add(Container(
            [
                Text(p.DisplayName + (p.IsPhoneOnly ? " · 📞 dialed in" : "")).WithId("waiting-" + p.Id),
                ActionRow([Submit($"Admit {p.DisplayName}", CardActions.Admit, new { meetingId = meeting.Id, participantId = p.Id }, style: "positive")]),
            ], separator: true));
        }
        if (!meeting.IsEnded)
        {
            body.Add(Container(
            [
                Text("Lobby settings", weight: "Bolder"),
                ChoiceSet("lobbyBypass", "Who can bypass the lobby?", BypassChoices.Select(c => (c.Title, c.Value.ToString())), meeting.Lobby.Bypass.ToString()),
                Toggle("lobbyDialIn", "People dialing in can bypass the lobby", meeting.Lobby.DialInCallersBypass),
                ActionRow([Submit("Save lobby settings", CardActions.SetLobby, new { meetingId = meeting.Id })]),
            ], separator: true));
        }
        var id = new { meetingId = meeting.Id };
        return Card(body,
        [
            waiting.Count > 1 ? Submit("Admit all", CardActions.Admit, id, style: "positive") : null,
            Submit("Roster", CardActions.Roster, id),
            Submit("Refresh", CardActions.Lobby, id),
        ]);
    }
}
