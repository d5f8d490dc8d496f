using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Meetings;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>The meeting window's participant list with the add-by-phone, leave, end and hang-up controls.</summary>
public static class RosterCard
{
    public const string PhoneMarker = "📞 phone";
    /// <summary>A phone that muted itself with *6.</summary>
    public const string MutedMarker = "🔇 muted";

    private static string LobbyTitle(MeetingSnapshot meeting) =>
        LobbyCard.Waiting(meeting).Count is var n and > 0 ? $"Lobby ({n} waiting)" : "Lobby";

    /// <param name="legs">The meeting's call legs (live ones decide who is on the phone).</param>
    /// <param name="viewerId">The demo user looking at the roster.</param>
    public static JObject Build(MeetingSnapshot meeting, IReadOnlyList<CallLegSnapshot> legs, string viewerId)
    {
        var liveLegs = legs.Where(l => l.IsLive).ToDictionary(l => l.Id);
        var isOrganizer = string.Equals(meeting.OrganizerId, viewerId, StringComparison.OrdinalIgnoreCase);
        var myPhone = legs.FirstOrDefault(l => l.IsLive && l.Kind == CallLegKind.CallMe && string.Equals(l.RequestedByUserId, viewerId, StringComparison.OrdinalIgnoreCase));
        var id = new { meetingId = meeting.Id };
        // People added by phone: whoever added them, and the organizer, may hang them up (the engine checks again).
        var addedICanEnd = legs.Where(l => l.IsLive && l.Kind == CallLegKind.AddedParticipant
                                           && (isOrganizer || string.Equals(l.RequestedByUserId, viewerId, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(l => l.CreatedAt).ToList();

        var rows = meeting.Participants.Where(p => p.LeftAt is null).Select(p =>
        {
            var marks = new List<string>();
            if (string.Equals(p.UserId, meeting.OrganizerId, StringComparison.OrdinalIgnoreCase)) marks.Add("organizer");
            if (p.PhoneLegId is { } legId && liveLegs.TryGetValue(legId, out var leg))
            {
                marks.Add(leg.State == CallLegState.Ringing ? $"{PhoneMarker} (ringing {CardFormat.Phone(leg.ToNumber)})" : $"{PhoneMarker} {CardFormat.Phone(leg.ToNumber)}");
                if (leg.IsMuted) marks.Add(MutedMarker);
            }
            else if (p.IsPhoneOnly) marks.Add(PhoneMarker);
            if (p.InLobby) marks.Add("in lobby");
            if (!p.InClient && !p.IsPhoneOnly) marks.Add("left the client");
            else if (p.InClient) marks.Add(p.AudioMode == AudioMode.NoAudio ? "no audio" : p.AudioMode == AudioMode.ComputerAudio ? "computer audio" : "in client");
            return (p.DisplayName, string.Join(" · ", marks));
        }).ToList();

        var actions = new List<JToken?>
        {
            Submit("Leave", CardActions.Leave, id),
            isOrganizer && !meeting.IsEnded ? Submit("End meeting", CardActions.EndMeeting, id, style: "destructive") : null,
            // The organizer lets people in from the lobby card (its Admit buttons name who is waiting).
            isOrganizer && !meeting.IsEnded ? Submit(LobbyTitle(meeting), CardActions.Lobby, id) : null,
            myPhone is not null ? Submit("Hang up my phone", CardActions.HangUp, new { meetingId = meeting.Id, legId = myPhone.Id }, style: "destructive") : null,
            Submit("Refresh", CardActions.Roster, id),
        };

        return Card(
        [
            Heading(meeting.Subject),
            meeting.IsEnded ? Text("This meeting has ended.", color: "Attention") : null,
            Text($"Participants ({rows.Count})", weight: "Bolder"),
            rows.Count == 0 ? Text("Nobody is in the meeting.", subtle: true) : Facts(rows).WithId("participants"),
            addedICanEnd.Count == 0 ? null : ActionRow(addedICanEnd.Select(l => (JToken?)Submit($"Hang up {CardFormat.Phone(l.ToNumber)}", CardActions.HangUp,
                new { meetingId = meeting.Id, legId = l.Id }, style: "destructive"))),
            meeting.IsEnded ? null : Container(
            [
                InputText("addNumber", "Add participant by phone", placeholder: "e.g. +44 20 7946 0000", maxLength: 40, style: "Tel"),
                ActionRow([Submit("Add participant", CardActions.AddParticipant, id)]),
            ], separator: true),
        ], actions);
    }
}
