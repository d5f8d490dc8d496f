using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Bot.Cards;

public static class CardAttachment
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";

    public static Attachment From(JObject card) => new() { ContentType = ContentType, Content = card };
}
