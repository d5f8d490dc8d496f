using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Bot.Connector;

/// <summary>
/// The configured Bot Framework authentication, unchanged, except that every connector factory it hands out
/// (for incoming turns and for proactive messages) shares JSON contracts across clients. See
/// <see cref="SharedContractsConnectorFactory"/> and docs/benchmarks.md, "Bot turns".
/// A token the SDK could not validate because its identity provider is unreachable becomes
/// <see cref="IdentityProviderUnavailableException"/> (503) instead of a 401 (see <see cref="IdentityProviderProbe"/>).
public sealed class FastConnectorBotFrameworkAuthentication(BotFrameworkAuthentication inner, IdentityProviderProbe? probe = null) : BotFrameworkAuthentication
{
    private readonly ConnectorClientCache _clients = new(TimeProvider.System);

    /// <summary>Clients are shared per bot: the audience claim names the bot whose credentials the factory's clients carry.</summary>
    private SharedContractsConnectorFactory Shared(ConnectorFactory factory, ClaimsIdentity? identity) =>
        new(factory, _clients, identity?.FindFirst(AuthenticationConstants.AudienceClaim)?.Value);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        AuthenticateRequestResult result;
        try
        {
            result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        }
        catch (UnauthorizedAccessException e) when (probe is not null && !string.IsNullOrEmpty(authHeader))
        {
            if (!await probe.IsReachableAsync(activity?.ChannelId, cancellationToken)) throw new IdentityProviderUnavailableException(e);
            throw;
        }
        if (result.ConnectorFactory is { } factory) result.ConnectorFactory = Shared(factory, result.ClaimsIdentity);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        if (result.ConnectorFactory is { } factory) result.ConnectorFactory = Shared(factory, result.ClaimsIdentity);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Shared(inner.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    /// <summary>Made when a turn first uses it: no turn of this bot does (<see cref="LazyUserTokenClient"/>).</summary>
    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new LazyUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, cancellationToken)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);
}
