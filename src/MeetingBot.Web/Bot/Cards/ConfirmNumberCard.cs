using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// Before the meeting dials ("Call me" or adding someone by phone): the number as it will be dialed (E.164), its country
/// and zone, who would pay the first minute and what the dial-out policy says. A call that would be refused shows why,
/// and no Call button: nothing is dialed and nothing is spent.
/// </summary>
public static class ConfirmNumberCard
{
    public static JObject Build(string meetingId, string subject, string typed, CostPreview cost, string viewerUserId)
    {
        var add = cost.Kind == CallLegKind.AddedParticipant;
        var confirm = add ? CardActions.ConfirmAdd : CardActions.ConfirmCall;
        return Card(
            [
                Heading(add ? "Add participant by phone" : "Call me"),
                Text(add ? $"Add someone to **{subject}** by phone. The meeting will call:" : $"Phone audio for **{subject}**. The meeting will call:"),
                new JObject { ["type"] = "TextBlock", ["id"] = "e164", ["text"] = cost.Number.E164, ["size"] = "ExtraLarge", ["weight"] = "Bolder", ["wrap"] = true },
                Facts(
                [
                    ("You typed", typed),
                    ("Shown as", CardFormat.Phone(cost.Number.E164)),
                    ("Country", CostWords.Destination(cost)),
                    ("Paid by", CostWords.Payer(cost)),
                    ("Dial-out policy", CostWords.Policy(cost, viewerUserId)),
                    .. CostWords.Approval(cost) is { } approval ? [("Approval", approval)] : Array.Empty<(string, string)>(),
                ]).WithId("cost"),
                cost.RefusalMessage is { } refusal ? Text(refusal, weight: "Bolder", color: "Attention").WithId("refusal") : null,
            ],
            [
                cost.WouldDial ? Submit("Call", confirm, new { meetingId, number = cost.Number.E164 }, style: "positive") : null,
                Submit("Cancel", CardActions.CancelCall, new { meetingId }),
            ]);
    }
}
