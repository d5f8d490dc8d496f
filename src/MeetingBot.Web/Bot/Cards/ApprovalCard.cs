using MeetingBot.Engine.Calling;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>To the organizer: a dial-out in their meeting waits for approval (toll-fraud guardrail), with Approve and Deny.</summary>
public static class ApprovalCard
{
    public static JObject Build(DialOutApproval a) => Card(
        [
            Text("🛡️ Approve this call?", size: "Medium", weight: "Bolder", color: "Warning").WithId("summary"),
            Text(GuardrailWords.Request(a)).WithId("message"),
            Facts([("Number", CardFormat.Phone(a.Number)), ("Country", GuardrailWords.Country(a.RegionCode)), ("Rate", CardFormat.Price(a.RatePerMinute, a.Currency) + " a minute"),
                ("Asked by", a.RequesterName), ("Meeting", a.MeetingId), ("Expires", CardFormat.Date(a.ExpiresAt) + " " + a.ExpiresAt.UtcDateTime.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture) + " UTC")]),
        ],
        a.IsPending
            ?
            [
                Submit("Approve", CardActions.ApproveDialOut, new { approvalId = a.Id }, style: "positive"),
                Submit("Deny", CardActions.DenyDialOut, new { approvalId = a.Id }, style: "destructive"),
            ]
            : []);
}
