using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Bot;

internal static class JObjectMerge
{
    /// <summary>Merges <paramref name="extra"/> into <paramref name="target"/> and returns it (for inline activity JSON).</summary>
    public static JObject WithProperties(this JObject target, JObject extra)
    {
        target.Merge(extra);
        return target;
    }
}
