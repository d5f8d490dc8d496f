using System.Text.RegularExpressions;

namespace MeetingBot.Web.Api;

/// <summary>
/// Every API error body, as RFC 9457 problem details (<c>application/problem+json</c>): <see cref="Type"/> names the
/// problem (<c>urn:meetingbot:error:NoSeatsLeft</c>), <see cref="Title"/> says it in words, <see cref="Status"/> repeats
/// the HTTP status, <see cref="Detail"/> holds the exact words to show a person (the engine's message, as the bot and
/// the hub say it), and the extension member <see cref="Error"/> the code a program branches on (the
/// <c>EngineError</c> name, or <c>InvalidRequest</c> and the few codes of the web layer).
/// </summary>
public sealed partial record ApiError(string Type, string Title, int Status, string Detail, string Error)
{
    public const string ContentType = "application/problem+json";
    public const string TypePrefix = "urn:meetingbot:error:";

    public static ApiError Of(int status, string error, string detail) => new(TypePrefix + error, Words(error), status, detail, error);

    /// <summary>"NoSeatsLeft" → "No seats left".</summary>
    private static string Words(string code)
    {
        var words = WordStart().Replace(code, " $1").Trim();
        return words.Length == 0 ? "Error" : words[..1].ToUpperInvariant() + words[1..].ToLowerInvariant();
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
