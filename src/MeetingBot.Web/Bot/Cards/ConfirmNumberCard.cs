using MeetingBot.Engine.Phone;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>Shows the number as the meeting will dial it (E.164) before it dials.</summary>
public static class ConfirmNumberCard
{
    public static JObject Build(string meetingId, string subject, string typed, PhoneNumber number) => Card(
        [
            Heading("Call me"),
            Text($"Phone audio for **{subject}**. The meeting will call:"),
            new JObject { ["type"] = "TextBlock", ["id"] = "e164", ["text"] = number.E164, ["size"] = "ExtraLarge", ["weight"] = "Bolder", ["wrap"] = true },
            Facts([("You typed", typed), ("Shown as", CardFormat.Phone(number.E164)), ("Region", number.RegionCode)]),
        ],
        [
            Submit("Call", CardActions.ConfirmCall, new { meetingId, number = number.E164 }, style: "positive"),
            Submit("Cancel", CardActions.CancelCall, new { meetingId }),
        ]);
}
