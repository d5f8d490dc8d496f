using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>What a caller hears and presses on the bridge, as a transcript.</summary>
public static class DialInCard
{
    public enum Speaker
    {
        Caller,
        Bridge,
        Keypad,
    }

    public static JObject Build(string dialedNumber, string callerNumber, IEnumerable<(Speaker Who, string Line)> transcript, string outcome) => Card(
        [
            Heading("Dial-in call"),
            Facts([("Dialed", CardFormat.Phone(dialedNumber)), ("From", CardFormat.Phone(callerNumber))]),
            Container(transcript.Select(t => (JToken)Text(t.Who switch
            {
                Speaker.Bridge => "🔊 " + t.Line,
                Speaker.Keypad => "⌨️ " + t.Line,
                _ => "📞 " + t.Line,
            }, fontType: t.Who == Speaker.Keypad ? "Monospace" : null)).ToList(), style: "emphasis").WithId("transcript"),
            Text(outcome, weight: "Bolder").WithId("outcome"),
        ]);
}
