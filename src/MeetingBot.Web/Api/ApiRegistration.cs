using MeetingBot.Web.Chat;
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
        // The contract the web client reads: every route, its bodies and its problem-details errors, served at
        // /openapi/v1.json (docs/api.md).
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "MeetingBot API";
            document.Info.Description = "Meetings, phone audio, dial-in, admin and reports. Errors are RFC 9457 problem details " +
                "(application/problem+json) whose `error` member is the code to branch on and `detail` the words to show.";
            return Task.CompletedTask;
        }));
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingBotApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBodyBytes))
            .AddEndpointFilter(StorageUnavailable.Filter);
        // Any route under /api may refuse with these, always as problem details (ApiErrorBodies covers the ones the
        // framework makes); the OpenAPI document says so for each route.
        foreach (var status in new[] { 400, 401, 403, 404, 409, 429, 503 })
            api.WithMetadata(new ProducesResponseTypeMetadata(status, typeof(ApiError), [ApiError.ContentType]));
        api.MapSignInEndpoints();
        var secured = api.MapGroup("").RequireAuthorization();
        secured.MapMeetingEndpoints();
        secured.MapAdminEndpoints();
        secured.MapApprovalEndpoints();
        secured.MapChatEndpoints();
        // The simulated phone network and the demo clock exist only in local dev mode: elsewhere they are not even mapped.
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<MeetingBotOptions>>().Value.LocalDevMode) secured.MapSimulationEndpoints();
        endpoints.MapInviteLinkEndpoints(api);
        endpoints.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        return endpoints;
    }
}
