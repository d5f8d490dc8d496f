using MeetingBot.Web.Composition;
using Microsoft.Extensions.Options;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace MeetingBot.Web.Api;

/// <summary>Registers and maps the HTTP API under /api (meetings, calls, admin, reports).</summary>
public static class ApiRegistration
{
    /// <summary>Nothing the API accepts comes near this; larger bodies are refused before they are read.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    public static IServiceCollection AddMeetingBotApi(this IServiceCollection services)
    {
        services.AddDialOutRateLimit();
        services.AddSingleton<AccessTokenIssuer>();
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingBotApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBodyBytes))
            .AddEndpointFilter(StorageUnavailable.Filter);
        api.MapSignInEndpoints();
        var secured = api.MapGroup("").RequireAuthorization();
        secured.MapMeetingEndpoints();
        secured.MapAdminEndpoints();
        // The simulated phone network and the demo clock exist only in local dev mode: elsewhere they are not even mapped.
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<MeetingBotOptions>>().Value.LocalDevMode) secured.MapSimulationEndpoints();
        endpoints.MapInviteLinkEndpoints(api);
        return endpoints;
    }
}
