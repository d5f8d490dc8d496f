namespace MeetingBot.Web.Bot;

/// <param name="TenantId">The demo tenant the chat acts in.</param>
/// <param name="AppId">MicrosoftAppId; empty in local mode, where the Emulator needs no auth.</param>
/// <param name="DefaultUserId">Who a new conversation acts as: the organizer with Audio Conferencing.</param>
/// <param name="LocalDevMode">MeetingBot:LocalDevMode: only then may the Emulator's chat `act as` another demo user.</param>
/// <param name="PublicBaseUrl">MeetingBot:PublicBaseUrl: where the web client is, for cards that link to its full pages.</param>
public sealed record BotSettings(string TenantId, string AppId, string DefaultUserId = "adele", bool LocalDevMode = false, string PublicBaseUrl = "http://localhost:3978")
{
    public static BotSettings From(IConfiguration configuration) => new(
        configuration["DemoTenant:Id"] is { Length: > 0 } tenant ? tenant : "contoso",
        configuration["MicrosoftAppId"] ?? "",
        configuration["MeetingBot:Bot:DefaultUser"] is { Length: > 0 } user ? user : "adele",
        configuration.GetValue<bool>("MeetingBot:LocalDevMode"),
        Composition.PublicAddress.From(configuration));
}
