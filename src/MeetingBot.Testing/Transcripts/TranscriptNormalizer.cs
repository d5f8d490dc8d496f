using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Testing.Transcripts;

/// <summary>
/// What of a bot reply a transcript compares, with everything that differs from run to run replaced. A reply becomes
/// its type, text, suggested actions and Adaptive Cards reduced to structure (element types, ids, texts, fact
/// titles and values, action titles, data and urls; no sizes, colours or spacing). Ids, timestamps, conversation,
/// service urls and the sender are dropped. Generated ids in texts and data become numbered placeholders by first
/// appearance — <c>{meeting#1}</c>, <c>{conference#1}</c>, <c>{pin#1}</c>, <c>{leg#1}</c>, <c>{guid#1}</c> — and any
/// http(s) host becomes <c>{host}</c>. Two runs whose ids differ but are used the same way compare equal; a reply
/// that shows the wrong meeting's id does not.
/// </summary>
/// <remarks>
/// One normalizer per side of a replay: it remembers which id got which number, so the replay can map an id the
/// recorded user typed (a conference ID read off the recorded invite) to the id this run generated.
/// </remarks>
public sealed partial class TranscriptNormalizer
{
    private static readonly string[] CardKeys =
        ["type", "id", "text", "title", "value", "data", "url", "facts", "body", "items", "columns", "actions", "card", "inlines", "choices", "label", "placeholder"];

    private static readonly (string Kind, Regex Pattern)[] Rules =
    [
        ("guid", GuidPattern()),
        ("leg", LegPattern()),
        ("conference", ConferencePattern()),
        ("pin", PinPattern()),
        ("meeting", MeetingPattern()),
    ];

    private readonly Dictionary<(string Kind, string Id), int> _numbers = [];
    private readonly Dictionary<(string Kind, int Number), string> _ids = [];

    /// <summary>The comparable form of one activity (as JSON, e.g. read from a transcript).</summary>
    public JObject Project(JObject activity)
    {
        var projected = new JObject { ["type"] = activity["type"]?.DeepClone() };
        if ((string?)activity["text"] is { Length: > 0 } text) projected["text"] = Normalize(text);
        if (activity["attachments"] is JArray { Count: > 0 } attachments)
            projected["attachments"] = new JArray(attachments.OfType<JObject>().Select(a => new JObject
            {
                ["contentType"] = a["contentType"]?.DeepClone(),
                ["content"] = a["content"] is { } content ? Card(content) : null,
            }));
        if (activity["suggestedActions"]?["actions"] is JArray { Count: > 0 } actions)
            projected["suggestedActions"] = new JArray(actions.OfType<JObject>().Select(a => new JObject
            {
                ["title"] = Normalize((string?)a["title"] ?? ""),
                ["value"] = Data(a["value"]),
            }));
        return projected;
    }

    /// <summary>The text with generated ids numbered and hosts replaced.</summary>
    public string Normalize(string text)
    {
        text = HostPattern().Replace(text, "{host}");
        foreach (var (kind, pattern) in Rules)
            text = ReplaceIds(text, pattern, id => $"{{{kind}#{Number(kind, id)}}}");
        return text;
    }

    /// <summary>
    /// <paramref name="text"/> (something the recorded user typed) with every id this normalizer has numbered
    /// replaced by the id <paramref name="other"/> gave the same number; unknown ids stay as they are.
    /// </summary>
    public string MapTo(TranscriptNormalizer other, string text)
    {
        foreach (var (kind, pattern) in Rules)
            text = ReplaceIds(text, pattern, id => MapId(other, kind, id, id));
        return text;
    }

    /// <summary><see cref="MapTo(TranscriptNormalizer, string)"/> for every string in a card submit's value.</summary>
    public JToken? MapTo(TranscriptNormalizer other, JToken? value) => value switch
    {
        null => null,
        JObject o => new JObject(o.Properties().Select(p => new JProperty(p.Name,
            KindOfKey(p.Name) is { } kind && p.Value.Type == JTokenType.String ? new JValue(MapId(other, kind, (string)p.Value!, (string)p.Value!)) : MapTo(other, p.Value)))),
        JArray a => new JArray(a.Select(t => MapTo(other, t))),
        JValue { Type: JTokenType.String } s => MapTo(other, (string)s!),
        _ => value.DeepClone(),
    };

    private string MapId(TranscriptNormalizer other, string kind, string id, string original)
    {
        if (!_numbers.TryGetValue((kind, Canonical(kind, id)), out var number) || !other._ids.TryGetValue((kind, number), out var mapped)) return original;
        // A conference ID keeps the shape it was typed in: "123 456 789" or "123456789".
        return kind == "conference" && id.Contains(' ') ? string.Join(' ', mapped.Chunk(3).Select(c => new string(c))) : mapped;
    }

    private JToken Card(JToken token) => token switch
    {
        JObject o => new JObject(o.Properties().Where(p => CardKeys.Contains(p.Name))
            .Select(p => new JProperty(p.Name, p.Name == "data" ? Data(p.Value) : Card(p.Value)))),
        JArray a => new JArray(a.Select(Card)),
        JValue { Type: JTokenType.String } s => Normalize((string)s!),
        _ => token.DeepClone(),
    };

    private JToken? Data(JToken? token) => token switch
    {
        null => null,
        JObject o => new JObject(o.Properties().Select(p => new JProperty(p.Name,
            KindOfKey(p.Name) is { } kind && p.Value.Type == JTokenType.String ? new JValue($"{{{kind}#{Number(kind, (string)p.Value!)}}}") : Data(p.Value)))),
        JArray a => new JArray(a.Select(Data)),
        JValue { Type: JTokenType.String } s => Normalize((string)s!),
        _ => token.DeepClone(),
    };

    private static string? KindOfKey(string key) => key.ToLowerInvariant() switch
    {
        "meetingid" => "meeting",
        "conferenceid" => "conference",
        "legid" => "leg",
        "pin" => "pin",
        _ => null,
    };

    private int Number(string kind, string id)
    {
        var key = (kind, Canonical(kind, id));
        if (!_numbers.TryGetValue(key, out var number))
        {
            number = _numbers.Keys.Count(k => k.Kind == kind) + 1;
            _numbers[key] = number;
            _ids[(kind, number)] = key.Item2;
        }
        return number;
    }

    private static string Canonical(string kind, string id) => kind switch
    {
        "conference" => new string(id.Where(char.IsAsciiDigit).ToArray()),
        "guid" => id.ToLowerInvariant(),
        _ => id,
    };

    /// <summary>Replaces the pattern's "id" group only, keeping the words around it.</summary>
    private static string ReplaceIds(string text, Regex pattern, Func<string, string> replace) =>
        pattern.Replace(text, m =>
        {
            var id = m.Groups["id"];
            return m.Value[..(id.Index - m.Index)] + replace(id.Value) + m.Value[(id.Index - m.Index + id.Length)..];
        });

    [GeneratedRegex(@"https?://[^/\s""'<>)\]]+")]
    private static partial Regex HostPattern();

    [GeneratedRegex(@"(?<id>\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b)")]
    private static partial Regex GuidPattern();

    [GeneratedRegex(@"(?<id>\bleg-[0-9a-f]{6,}\b)")]
    private static partial Regex LegPattern();

    /// <summary>Nine or more digits (grouped by three or not) before a #: "123 456 789#", ",,123456789#", "dial in 123456789#".</summary>
    [GeneratedRegex(@"(?<![\d+\-])(?<id>\d{3}(?: ?\d{3}){2,}) ?#")]
    private static partial Regex ConferencePattern();

    [GeneratedRegex(@"\bPIN\b[^\d\n]{0,24}?(?<id>\d{4,6})\b", RegexOptions.IgnoreCase)]
    private static partial Regex PinPattern();

    [GeneratedRegex(@"(?:\bmeeting\s+|\bjoin\s+|/meet/|/meetings/)(?<id>\d+)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MeetingPattern();
}
