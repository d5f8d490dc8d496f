using MeetingBot.Engine;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>The gotcha: a "Call me" phone leg outlives leaving the client. Says so, with a way to end it.</summary>
public static class HangUpReminderCard
{
    public static JObject Build(string meetingId, string legId, string toNumber, TimeSpan connectedFor) => Card(
        [
            Text("📞 Your phone is still connected", size: "Medium", weight: "Bolder", color: "Warning"),
            Text(EngineMessages.HangUpBothEnds).WithId("message"),
            Facts([("Phone", CardFormat.Phone(toNumber)), ("Connected for", CardFormat.Duration(connectedFor)), ("Meeting", meetingId)]),
        ],
        [Submit("Hang up my phone", CardActions.HangUp, new { meetingId, legId }, style: "destructive")]);
}
