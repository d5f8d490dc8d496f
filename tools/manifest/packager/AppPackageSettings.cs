using Microsoft.Extensions.Configuration;

namespace MeetingBot.ManifestPackager;

/// <summary>
/// The values the app package needs from configuration: the bot's Microsoft App ID (also used as the Teams
/// app id and the RSC application id) and the public base URL of the host, whose host name becomes the
/// valid domain.
/// </summary>
public sealed record AppPackageSettings
{
    public const string BotIdKey = "MicrosoftAppId";
    public const string PublicBaseUrlKey = "MeetingBot:PublicBaseUrl";

    public AppPackageSettings(Guid botId, Uri publicBaseUrl)
    {
        if (botId == Guid.Empty)
        {
            throw new InvalidOperationException(
                $"{BotIdKey} is the all-zero placeholder; Teams needs the bot's real Microsoft App ID.");
        }

        if (!publicBaseUrl.IsAbsoluteUri || publicBaseUrl.Scheme is not ("https" or "http"))
        {
            throw new InvalidOperationException($"{PublicBaseUrlKey} must be an absolute http(s) URL, not '{publicBaseUrl}'.");
        }

        BotId = botId;
        PublicBaseUrl = publicBaseUrl;
    }

    public Guid BotId { get; }

    public Uri PublicBaseUrl { get; }

    /// <summary>The host name alone (no scheme, no port), as Teams expects in validDomains.</summary>
    public string HostName => PublicBaseUrl.IdnHost;

    /// <summary>Reads and validates the settings; the message names the key to fix.</summary>
    public static AppPackageSettings FromConfiguration(IConfiguration configuration)
    {
        var botIdText = configuration[BotIdKey];
        if (string.IsNullOrWhiteSpace(botIdText))
        {
            throw new InvalidOperationException(
                $"{BotIdKey} is empty. Set it in appsettings.json, in the environment variable {BotIdKey}, or with --bot-id.");
        }

        if (!Guid.TryParseExact(botIdText.Trim(), "D", out var botId))
        {
            throw new InvalidOperationException(
                $"{BotIdKey} must be a GUID such as 3f2504e0-4f89-11d3-9a0c-0305e82c3301, not '{botIdText}'.");
        }

        var baseUrlText = configuration[PublicBaseUrlKey];
        if (string.IsNullOrWhiteSpace(baseUrlText) || !Uri.TryCreate(baseUrlText.Trim(), UriKind.Absolute, out var baseUrl))
        {
            throw new InvalidOperationException(
                $"{PublicBaseUrlKey} must be an absolute URL. Set it in appsettings.json, in the environment variable " +
                $"MeetingBot__PublicBaseUrl, or with --public-base-url.");
        }

        return new AppPackageSettings(botId, baseUrl);
    }
}
