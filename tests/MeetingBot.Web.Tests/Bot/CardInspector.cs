using MeetingBot.Testing;
using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>xunit's view of the test kit's <see cref="Cards"/>: a missing card or button fails the test where it is read.</summary>
public static class CardInspector
{
    public static JObject Card(IActivity activity)
    {
        var message = Assert.IsAssignableFrom<IMessageActivity>(activity);
        var attachment = Assert.Single(message.Attachments);
        Assert.Equal(CardAttachment.ContentType, attachment.ContentType);
        return Cards.Of(activity)!;
    }

    public static bool HasCard(IActivity activity) => activity is IMessageActivity { Attachments.Count: > 0 };

    public static JObject? ById(JObject card, string id) => Cards.ById(card, id);

    /// <inheritdoc cref="Cards.Texts"/>
    public static IReadOnlyList<string> Texts(JObject card) => Cards.Texts(card);

    /// <inheritdoc cref="Cards.Records"/>
    public static IReadOnlyList<(string Heading, IReadOnlyDictionary<string, string> Facts)> Records(JObject card, string idPrefix) => Cards.Records(card, idPrefix);

    public static IReadOnlyList<JObject> Submits(JObject card) => Cards.Submits(card);

    public static JObject SubmitTitled(JObject card, string title) =>
        Submits(card).Single(s => (string?)s["title"] == title);

    public static string AllText(IActivity activity)
    {
        Assert.IsAssignableFrom<IMessageActivity>(activity);
        return Cards.AllText(activity);
    }
}
