using MeetingBot.Engine.Meetings;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// The meeting invite as Teams writes it. Without Audio Conferencing on the organizer it has the join link
/// and nothing else; with it, the toll number, conference ID and the local-number, PIN and options links.
/// </summary>
public static class InviteCard
{
    public const string NoDialInNote =
        "This invite has no dial-in number or conference ID: the organizer has no Audio Conferencing license. Join on your computer or mobile app.";

    public static JObject Build(MeetingInvite invite, TimeSpan viewerOffset)
    {
        var body = new List<JToken?>
        {
            Heading(invite.Subject),
            Facts(
            [
                ("Organizer", invite.OrganizerName),
                ("When", CardFormat.When(invite.Start, viewerOffset)),
                ("Ends", CardFormat.When(invite.End, viewerOffset)),
                ("Meeting ID", invite.MeetingId),
            ]),
            Text("Microsoft Teams meeting", weight: "Bolder"),
            Text("Join on your computer, mobile app or room device", subtle: true),
            Text($"[Click here to join the meeting]({invite.JoinUrl})").WithId("joinLink"),
        };

        var actions = new List<JToken?>
        {
            Submit("Join", CardActions.ShowPreJoin, new { meetingId = invite.MeetingId }, style: "positive"),
        };

        if (invite.DialIn is not { } dialIn)
        {
            body.Add(Text(NoDialInNote, subtle: true).WithId("noDialInNote"));
        }
        else
        {
            body.Add(Text("Or call in (audio only)", weight: "Bolder"));
            body.Add(Text($"{CardFormat.Phone(dialIn.TollNumber)},,{dialIn.ConferenceId}#  (Toll)", fontType: "Monospace").WithId("tollNumber"));
            if (dialIn.TollFreeNumber is { } tollFree)
                body.Add(Text($"{CardFormat.Phone(tollFree)},,{dialIn.ConferenceId}#  (Toll-free)", fontType: "Monospace").WithId("tollFreeNumber"));
            body.Add(Text($"Phone Conference ID: {CardFormat.ConferenceId(dialIn.ConferenceId)}").WithId("conferenceId"));
            body.Add(ActionRow(
            [
                OpenUrl("Find a local number", dialIn.FindLocalNumberUrl),
                OpenUrl("Reset PIN", dialIn.ResetPinUrl),
                invite.MeetingOptionsUrl is { } options ? OpenUrl("Meeting options", options) : null,
            ]));
        }
        actions.Add(OpenUrl("Open join link", invite.JoinUrl));
        return Card(body, actions);
    }
}
