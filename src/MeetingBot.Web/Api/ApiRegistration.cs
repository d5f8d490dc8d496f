namespace MeetingBot.Web.Api;

/// <summary>Registers and maps the HTTP API under /api (meetings, calls, admin, reports).</summary>
public static class ApiRegistration
{
    public static IServiceCollection AddMeetingBotApi(this IServiceCollection services) => services;

    public static IEndpointRouteBuilder MapMeetingBotApi(this IEndpointRouteBuilder endpoints) => endpoints;
}
