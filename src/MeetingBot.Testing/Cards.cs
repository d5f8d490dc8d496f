using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Testing;

/// <summary>Reads Adaptive Cards by structure: elements by id, every visible text, every submit and its data.</summary>
public static class Cards
{
    /// <summary>The activity's Adaptive Card, or null when it has none.</summary>
    public static JObject? Of(IActivity activity) =>
        (activity as IMessageActivity)?.Attachments?.FirstOrDefault(a => a.ContentType == CardAttachment.ContentType)?.Content switch
        {
            null => null,
            JObject o => o,
            var other => JObject.FromObject(other),
        };

    public static JObject? ById(JObject card, string id) =>
        card.Descendants().OfType<JObject>().FirstOrDefault(o => (string?)o["id"] == id);

    /// <summary>Every TextBlock text and fact title/value in the card, in order.</summary>
    public static IReadOnlyList<string> Texts(JObject card) =>
        card.Descendants().OfType<JObject>().SelectMany(o => (string?)o["type"] switch
        {
            "TextBlock" => [(string?)o["text"] ?? ""],
            null when o["title"] is not null && o["value"] is not null && o.Parent?.Parent is JProperty { Name: "facts" } => [(string?)o["title"] ?? "", (string?)o["value"] ?? ""],
            _ => Array.Empty<string>(),
        }).ToList();

    /// <summary>
    /// The records of a report card (<see cref="CardElements.Record"/>: containers whose id is <paramref name="idPrefix"/>
    /// followed by 1, 2, ...), each as its heading and its facts by title.
    /// </summary>
    public static IReadOnlyList<(string Heading, IReadOnlyDictionary<string, string> Facts)> Records(JObject card, string idPrefix) =>
        card.Descendants().OfType<JObject>()
            .Where(o => (string?)o["type"] == "Container" && ((string?)o["id"])?.StartsWith(idPrefix, StringComparison.Ordinal) == true
                        && int.TryParse(((string)o["id"]!)[idPrefix.Length..], out _))
            .Select(o => (
                (string)o["items"]![0]!["text"]!,
                (IReadOnlyDictionary<string, string>)o["items"]![1]!["facts"]!.ToDictionary(f => (string)f["title"]!, f => (string)f["value"]!)))
            .ToList();

    /// <summary>Every Action.Submit, also those inside ShowCard actions.</summary>
    public static IReadOnlyList<JObject> Submits(JObject card) =>
        card.Descendants().OfType<JObject>().Where(o => (string?)o["type"] == "Action.Submit").ToList();

    /// <summary>The first Action.Submit titled <paramref name="title"/> (case-insensitive), or null.</summary>
    public static JObject? SubmitTitled(JObject card, string title) =>
        Submits(card).FirstOrDefault(s => string.Equals((string?)s["title"], title, StringComparison.OrdinalIgnoreCase));

    /// <summary>The activity's text and, if it has a card, all of the card's text, one per line.</summary>
    public static string AllText(IActivity activity)
    {
        var parts = new List<string> { (activity as IMessageActivity)?.Text ?? "" };
        if (Of(activity) is { } card) parts.AddRange(Texts(card));
        return string.Join("\n", parts);
    }
}
