using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Bot;

/// <summary>The <c>value</c> of an Action.Submit: the discriminator and the card's inputs, all as text.</summary>
public sealed class SubmitData(JObject value)
{
    public string? Action => Get("action");

    public string? Get(string key) =>
        value.TryGetValue(key, StringComparison.Ordinal, out var token) && token.Type is not (JTokenType.Null or JTokenType.Undefined or JTokenType.Object or JTokenType.Array)
            ? token.ToString().Trim() is { Length: > 0 } text ? text : null
            : null;

    /// <summary>Reads a submit's value whatever shape the channel delivered it in; null when it is not a JSON object.</summary>
    public static SubmitData? From(object? value)
    {
        try
        {
            return value switch
            {
                null => null,
                JObject o => new SubmitData(o),
                string s => JToken.Parse(s) is JObject o ? new SubmitData(o) : null,
                JToken => null,
                _ => JToken.FromObject(value) is JObject o ? new SubmitData(o) : null,
            };
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }
}
