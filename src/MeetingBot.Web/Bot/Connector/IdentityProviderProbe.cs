using System.Collections.Concurrent;
using Microsoft.Bot.Connector.Authentication;

namespace MeetingBot.Web.Bot.Connector;

/// <summary>
/// Tells a token that is not valid from one that cannot be checked. The Bot Framework SDK answers "No valid identity"
/// in both cases; when its OpenID metadata (the channel's or the Emulator's) cannot be fetched, no token can be
/// checked, and the honest answer is 503, not 401. Asked only after a token failed; each verdict is kept for
/// <see cref="VerdictLifetime"/>, so a flood of forged tokens costs one metadata request per half minute.
/// </summary>
public sealed class IdentityProviderProbe(IConfiguration configuration, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "identity-provider-probe";
    public static readonly TimeSpan VerdictLifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (bool Reachable, long At)> _verdicts = new(StringComparer.Ordinal);

    /// <summary>Whether the metadata that checks tokens of <paramref name="channelId"/> can be fetched now.</summary>
    public async Task<bool> IsReachableAsync(string? channelId, CancellationToken cancellationToken)
    {
        var url = channelId == Microsoft.Bot.Connector.Channels.Emulator
            ? configuration["ToBotFromEmulatorOpenIdMetadataUrl"] ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl
            : configuration["ToBotFromChannelOpenIdMetadataUrl"] ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
        // Wall time: the demo and test clocks move the product's time, not the network's.
        var now = TimeProvider.System.GetTimestamp();
        if (_verdicts.TryGetValue(url, out var kept) && TimeProvider.System.GetElapsedTime(kept.At, now) < VerdictLifetime) return kept.Reachable;
        bool reachable;
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            reachable = response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            reachable = false;
        }
        _verdicts[url] = (reachable, now);
        return reachable;
    }
}

/// <summary>The Bot Framework's OpenID metadata cannot be fetched: no channel token can be checked right now.</summary>
public sealed class IdentityProviderUnavailableException(Exception inner)
    : Exception("The Bot Framework identity provider cannot be reached; channel tokens cannot be checked.", inner);
