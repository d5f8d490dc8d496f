using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// Small builders for Adaptive Card 1.5 elements. Bot Schema speaks Newtonsoft, so cards are JObjects; the
/// NuGet AdaptiveCards object model is not available here (see PLATFORM.md).
/// </summary>
public static class CardElements
{
    public const string Schema = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    public static JObject Card(IEnumerable<JToken?> body, IEnumerable<JToken?>? actions = null)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = Schema,
            ["version"] = Version,
            ["body"] = new JArray(body.Where(b => b is not null)),
        };
        var acts = actions?.Where(a => a is not null).ToList();
        if (acts is { Count: > 0 }) card["actions"] = new JArray(acts);
        return card;
    }

    public static JObject Heading(string text) => Text(text, size: "Large", weight: "Bolder");

    public static JObject Text(string text, string? size = null, string? weight = null, string? color = null, bool subtle = false, string? fontType = null)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (size is not null) block["size"] = size;
        if (weight is not null) block["weight"] = weight;
        if (color is not null) block["color"] = color;
        if (subtle) block["isSubtle"] = true;
        if (fontType is not null) block["fontType"] = fontType;
        return block;
    }

    public static JObject Facts(IEnumerable<(string Title, string Value)> facts) => new()
    {
        ["type"] = "FactSet",
        ["facts"] = new JArray(facts.Select(f => new JObject { ["title"] = f.Title, ["value"] = f.Value })),
    };

    public static JObject Container(IEnumerable<JToken?> items, string? style = null, bool separator = false)
    {
        var c = new JObject { ["type"] = "Container", ["items"] = new JArray(items.Where(i => i is not null)) };
        if (style is not null) c["style"] = style;
        if (separator) c["separator"] = true;
        return c;
    }

    /// <summary>
    /// One record of a report as chat shows it at Web Chat's ~480 px bubble: a separated container with a bold heading
    /// and a FactSet (a many-column Table breaks words mid-word there). <paramref name="id"/> lets tests read it.
    /// </summary>
    public static JObject Record(string id, string heading, IEnumerable<(string Title, string Value)> facts)
    {
        var record = Container([Text(heading, weight: "Bolder"), Facts(facts)], separator: true);
        record["id"] = id;
        record["spacing"] = "Medium";
        return record;
    }

    public static JObject Columns(params JObject[] columns) => new() { ["type"] = "ColumnSet", ["columns"] = new JArray(columns) };

    public static JObject Column(string width, params JToken[] items) => new()
    {
        ["type"] = "Column",
        ["width"] = width,
        ["items"] = new JArray(items),
    };

    public static JObject ActionRow(IEnumerable<JToken?> actions) => new()
    {
        ["type"] = "ActionSet",
        ["actions"] = new JArray(actions.Where(a => a is not null)),
    };

    /// <summary>An Action.Submit whose data carries the <c>action</c> discriminator the bot routes on.</summary>
    public static JObject Submit(string title, string action, object? data = null, string? style = null)
    {
        var payload = data is null ? new JObject() : JObject.FromObject(data);
        payload["action"] = action;
        var submit = new JObject { ["type"] = "Action.Submit", ["title"] = title, ["data"] = payload };
        if (style is not null) submit["style"] = style;
        return submit;
    }

    public static JObject OpenUrl(string title, string url) => new() { ["type"] = "Action.OpenUrl", ["title"] = title, ["url"] = url };

    public static JObject InputText(string id, string label, string? placeholder = null, string? value = null, int? maxLength = null, string? style = null)
    {
        var input = new JObject { ["type"] = "Input.Text", ["id"] = id, ["label"] = label };
        if (placeholder is not null) input["placeholder"] = placeholder;
        if (value is not null) input["value"] = value;
        if (maxLength is not null) input["maxLength"] = maxLength;
        if (style is not null) input["style"] = style;
        return input;
    }

    public static JObject InputNumber(string id, string label, decimal? value = null, decimal? min = null, decimal? max = null)
    {
        var input = new JObject { ["type"] = "Input.Number", ["id"] = id, ["label"] = label };
        if (value is not null) input["value"] = value;
        if (min is not null) input["min"] = min;
        if (max is not null) input["max"] = max;
        return input;
    }

    public static JObject ChoiceSet(string id, string label, IEnumerable<(string Title, string Value)> choices, string? value = null)
    {
        var input = new JObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["label"] = label,
            ["style"] = "compact",
            ["choices"] = new JArray(choices.Select(c => new JObject { ["title"] = c.Title, ["value"] = c.Value })),
        };
        if (value is not null) input["value"] = value;
        return input;
    }

    public static JObject Toggle(string id, string title, bool value) => new()
    {
        ["type"] = "Input.Toggle",
        ["id"] = id,
        ["title"] = title,
        ["value"] = value ? "true" : "false",
        ["valueOn"] = "true",
        ["valueOff"] = "false",
    };

    /// <summary>Gives an element an id, so tests and the web client can find it by structure.</summary>
    public static JObject WithId(this JObject element, string id)
    {
        element["id"] = id;
        return element;
    }
}
