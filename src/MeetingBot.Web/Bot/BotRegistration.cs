namespace MeetingBot.Web.Bot;

/// <summary>Registers and maps the Bot Framework side of the host (/api/messages).</summary>
public static class BotRegistration
{
    public static IServiceCollection AddMeetingBotBot(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapMeetingBotBot(this IEndpointRouteBuilder endpoints) => endpoints;
}
