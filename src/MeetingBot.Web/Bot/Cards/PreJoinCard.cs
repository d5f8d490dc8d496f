using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine;
using MeetingBot.Engine.Meetings;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>The pre-join screen: computer audio, phone audio ("Call me"), or no audio.</summary>
public static class PreJoinCard
{
    /// <param name="organizerHasAudioConferencing">Phone audio needs the organizer's Audio Conferencing license.</param>
    public static JObject Build(MeetingSnapshot meeting, bool organizerHasAudioConferencing, string? suggestedNumber = null)
    {
        var id = new { meetingId = meeting.Id };
        JToken phone = organizerHasAudioConferencing
            ? Container(
            [
                Text("Phone audio", weight: "Bolder"),
                Text("The meeting will call your phone for audio; you still see the content here.", subtle: true),
                InputText("phoneNumber", "Phone number", placeholder: "e.g. 405 555 0100 or +44 20 7946 0000", value: suggestedNumber, maxLength: 40, style: "Tel"),
                ActionRow([Submit("Call me", CardActions.PhoneAudio, id)]),
            ], separator: true)
            : Container(
            [
                Text("Phone audio", weight: "Bolder"),
                Text(EngineMessages.OrganizerHasNoDialIn, color: "Warning").WithId("phoneAudioUnavailable"),
            ], separator: true);

        return Card(
        [
            Text("Choose your audio and video settings for", subtle: true),
            Heading(meeting.Subject),
            meeting.IsEnded ? Text(EngineMessages.For(EngineError.MeetingEnded), color: "Attention") : null,
            Container(
            [
                Text("Computer audio", weight: "Bolder"),
                ActionRow([Submit("Join now", CardActions.JoinComputer, id, style: "positive")]),
            ]),
            phone,
            Container(
            [
                Text("Don't use audio", weight: "Bolder"),
                ActionRow([Submit("Join without audio", CardActions.JoinNoAudio, id)]),
            ], separator: true),
        ]);
    }
}
