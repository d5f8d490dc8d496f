using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace MeetingBot.Web.Auth;

/// <summary>
/// Issues a token the <see cref="AuthSchemes.Bearer"/> handler accepts (Data-Protection protected ticket), so one
/// sign-in gives the browser a cookie and a .NET SignalR client an AccessTokenProvider value.
/// </summary>
public sealed class AccessTokenIssuer(IOptionsMonitor<BearerTokenOptions> options)
{
    public string Issue(ClaimsPrincipal principal)
    {
        var bearer = options.Get(AuthSchemes.Bearer);
        var properties = new AuthenticationProperties
        {
            IssuedUtc = TimeProvider.System.GetUtcNow(),
            ExpiresUtc = TimeProvider.System.GetUtcNow() + bearer.BearerTokenExpiration,
        };
        return bearer.BearerTokenProtector.Protect(new AuthenticationTicket(principal, properties, AuthSchemes.Bearer));
    }
}
