using System.Net;
using System.Text.Json;

namespace MeetingBot.Web.Bot;

/// <summary>
/// Checks where an incoming activity wants its replies sent before any turn runs. The host posts replies to the
/// activity's <c>serviceUrl</c>, so a missing or malformed one would fail inside the turn (a 500), and an arbitrary
/// one would make the host call any address the caller names. With tokens, the channel's signed claim must match it
/// (the adapter checks); in local dev mode nothing is signed, so replies go only to this machine (the Emulator).
/// </summary>
public static class ActivityPreflight
{
    /// <summary>Why the activity is refused, or null when its serviceUrl may be used (or the body is not an object: the adapter answers that).</summary>
    public static string? Problem(JsonElement activity, bool localDevMode)
    {
        if (activity.ValueKind != JsonValueKind.Object) return null;
        string? serviceUrl = null;
        foreach (var property in activity.EnumerateObject())
            if (string.Equals(property.Name, "serviceUrl", StringComparison.OrdinalIgnoreCase))
                serviceUrl = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
        if (string.IsNullOrWhiteSpace(serviceUrl))
            return "The activity has no serviceUrl: the channel's address for replies is required.";
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return "The activity's serviceUrl must be an absolute http or https URL.";
        if (localDevMode && !IsLoopback(uri))
            return "In local dev mode replies go only to this machine (the Emulator on localhost); the activity's serviceUrl is not a loopback address.";
        return null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
}
