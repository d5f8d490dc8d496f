using MeetingBot.Web.Bot.Transcripts;
using MeetingBot.Web.Engine;

namespace MeetingBot.Web.Chat;

/// <summary>Registers and maps the web client's chat: /hubs/chat, /api/chat and the adapter that runs the bot for it.</summary>
public static class ChatRegistration
{
    public static IServiceCollection AddMeetingBotChat(this IServiceCollection services)
    {
        // Storage replaces this with the SQL history when the host has a database (StorageRegistration).
        services.AddSingleton<IChatHistory, MemoryChatHistory>();
        services.AddSingleton<ChatAccess>();
        // The same middleware (transcripts) as the connector's adapter; the bot and its state are the same services.
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<WebChatAdapter>(sp).UseTranscripts(sp));
        services.AddSingleton<IEngineEventSubscriber, MeetingChatEventSubscriber>();
        services.AddSignalR().AddHubOptions<ChatHub>(o => o.MaximumReceiveMessageSize = WebChatChannel.MaxHubMessageBytes);
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingBotChat(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<ChatHub>(WebChatChannel.HubPath);
        return endpoints;
    }
}
