using MeetingBot.Engine;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>The gotcha: a phone leg outlives leaving the client ("Call me", or someone the user added). Says so, with a way to end it.</summary>
public static class HangUpReminderCard
{
    public static JObject Build(string meetingId, string legId, string toNumber, TimeSpan connectedFor) => Card(
        [
            Text("📞 Your phone is still connected", size: "Medium", weight: "Bolder", color: "Warning"),
            Text(EngineMessages.HangUpBothEnds).WithId("message"),
            Facts([("Phone", CardFormat.Phone(toNumber)), ("Connected for", CardFormat.Duration(connectedFor)), ("Meeting", meetingId)]),
        ],
        [Submit("Hang up my phone", CardActions.HangUp, new { meetingId, legId }, style: "destructive")]);

    /// <summary>Someone the user added by phone is still on after the user left the client.</summary>
    public static JObject BuildForAdded(string meetingId, string legId, string toNumber, string message) => Card(
        [
            Text($"📞 {CardFormat.Phone(toNumber)} is still connected", size: "Medium", weight: "Bolder", color: "Warning"),
            Text(message).WithId("message"),
        ],
        [Submit($"Hang up {CardFormat.Phone(toNumber)}", CardActions.HangUp, new { meetingId, legId }, style: "destructive")]);
}
