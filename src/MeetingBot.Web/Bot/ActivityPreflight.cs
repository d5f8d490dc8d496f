using System.Net;
using System.Text.Json;

namespace MeetingBot.Web.Bot;

/// <summary>
/// Checks where an incoming activity wants its replies sent, and that it names its channel, conversation and sender,
/// before any turn runs. The host posts replies to the
/// activity's <c>serviceUrl</c>, so a missing or malformed one would fail inside the turn (a 500), and an arbitrary
/// one would make the host call any address the caller names. With tokens, the channel's signed claim must match it
/// (the adapter checks); in local dev mode nothing is signed, so replies go only to this machine (the Emulator).
/// </summary>
public static class ActivityPreflight
{
    public const int MaxIdLength = 1000;

    /// <summary>Why the activity is refused, or null when it may be processed (or the body is not an object: the adapter answers that).</summary>
    public static string? Problem(JsonElement activity, bool localDevMode)
    {
        try
        {
            return Check(activity, localDevMode);
        }
        catch (InvalidOperationException)
        {
            // A property name that escapes a lone surrogate ("\ud800"): System.Text.Json cannot read it as text.
            return "The activity holds a \\u escape of a lone surrogate, which is not text.";
        }
    }

    private static string? Check(JsonElement activity, bool localDevMode)
    {
        if (activity.ValueKind != JsonValueKind.Object) return null;
        var serviceUrl = Text(Property(activity, "serviceUrl"));
        if (string.IsNullOrWhiteSpace(serviceUrl))
            return "The activity has no serviceUrl: the channel's address for replies is required.";
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "The activity's serviceUrl must be an absolute http or https URL.";
        if (localDevMode && !IsLoopback(uri))
            return "In local dev mode replies go only to this machine (the Emulator on localhost); the activity's serviceUrl is not a loopback address.";
        // The bot's conversation and user state are keyed by these, and a turn without them would fail inside.
        if (string.IsNullOrWhiteSpace(Text(Property(activity, "channelId"))))
            return "The activity has no channelId.";
        var conversationId = Text(Property(Property(activity, "conversation"), "id"));
        if (string.IsNullOrWhiteSpace(conversationId))
            return "The activity has no conversation id.";
        // Replies carry the conversation id in a header (x-ms-conversation-id) and both ids in the URL: only printable
        // ASCII goes there, and no channel's ids come near the length limit.
        var id = Text(Property(activity, "id"));
        if (!IsPlainId(conversationId) || (id is not null && !IsPlainId(id)))
            return "The activity's id and conversation id must be printable ASCII, at most 1,000 characters.";
        if (string.IsNullOrWhiteSpace(Text(Property(Property(activity, "from"), "id"))))
            return "The activity has no from id: the sender is required.";
        return null;
    }

    /// <summary>The last property of that name, any case, as Bot Builder's reader takes it; null when absent or not in an object.</summary>
    private static JsonElement? Property(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } obj) return null;
        JsonElement? found = null;
        foreach (var property in obj.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                found = property.Value;
        return found;
    }

    private static bool IsPlainId(string id) => id.Length <= MaxIdLength && id.All(c => c is >= ' ' and <= '~');

    /// <summary>
    /// The string, or null. JSON may escape a lone surrogate (<c>"\ud800"</c>), which no .NET string reader turns
    /// into text (GetString throws): such a value is no usable URL or id, so it counts as missing.
    /// </summary>
    private static string? Text(JsonElement? element)
    {
        if (element is not { ValueKind: JsonValueKind.String } text) return null;
        try
        {
            return text.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
}
