using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Bot.Connector;

/// <summary>
/// The user-token (OAuth) client Bot Builder makes for every turn, made only when a turn uses it. This bot has no
/// sign-in cards, so no turn does; making it cost ~7 % of the host's CPU under 32 concurrent turns (its HTTP client
/// builds regular expressions for its user agent; docs/benchmarks.md §3).
/// </summary>
public sealed class LazyUserTokenClient(Func<Task<UserTokenClient>> create) : UserTokenClient
{
    private readonly Lazy<Task<UserTokenClient>> _inner = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether a turn has used it (and so the real client was made).</summary>
    public bool IsCreated => _inner.IsValueCreated;

    private Task<UserTokenClient> Inner => _inner.Value;

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
        await (await Inner).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
        await (await Inner).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
        await (await Inner).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
        await (await Inner).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
        await (await Inner).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
        await (await Inner).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inner.IsValueCreated && _inner.Value.IsCompletedSuccessfully) _inner.Value.Result.Dispose();
        base.Dispose(disposing);
    }
}
