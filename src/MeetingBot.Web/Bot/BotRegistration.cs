using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Web.Auth;
using MeetingBot.Web.Bot.Cards;
using MeetingBot.Web.Bot.Connector;
using MeetingBot.Web.Bot.Transcripts;
using MeetingBot.Web.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Newtonsoft.Json;

namespace MeetingBot.Web.Bot;

/// <summary>Registers and maps the Bot Framework side of the host (/api/messages).</summary>
public static class BotRegistration
{
    public static IServiceCollection AddMeetingBotBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(BotSettings.From(configuration));
        // With an empty MicrosoftAppId this authenticates nothing, which is what the Emulator needs locally.
        // Without an IHttpClientFactory the connector makes a new HttpClient, and so a new TCP connection, for
        // every turn's replies; with it, replies to a serviceUrl reuse pooled connections.
        services.AddHttpClient(Microsoft.Extensions.Options.Options.DefaultName)
            // Back-off is network time: the demo clock (or a test's fake clock) must not stretch or freeze it.
            .AddHttpMessageHandler(sp => new ConnectorRetryHandler(TimeProvider.System));
        services.AddHttpClient(Connector.IdentityProviderProbe.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        services.AddSingleton<Connector.IdentityProviderProbe>();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new FastConnectorBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(
            configuration, httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILoggerFactory>().CreateLogger<ConfigurationBotFrameworkAuthentication>()),
            sp.GetRequiredService<Connector.IdentityProviderProbe>()));
        services.AddTranscriptRecording(configuration);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<AdapterWithErrorHandler>(sp).UseTranscripts(sp));
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        // Proactive messages continue a saved conversation on the channel it belongs to: the web client's chat or the connector.
        services.AddSingleton<BotAdapter>(sp => new Chat.ChannelRoutingAdapter(sp.GetRequiredService<AdapterWithErrorHandler>(), sp.GetRequiredService<Chat.WebChatAdapter>()));

        // In memory for now; a durable IStorage (blob, SQL) can replace it without touching the bot.
        services.AddSingleton<IStorage, MemoryStorage>();
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<ConversationReferenceStore>();
        services.AddSingleton(_ => new NoticeLedger());
        // One bot for every turn: it keeps no per-turn state (the turn's own state lives in BotTurn), so its flows
        // and chat command table are built once instead of on each of thousands of turns a second.
        services.AddSingleton<IBot, MeetingBot>();
        services.AddSingleton<IEngineEventSubscriber, BotEventSubscriber>();
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingBotBot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", ProcessAsync);
        endpoints.MapGet("/api/cards/invite/{meetingId}", InviteCardJson).RequireAuthorization();
        return endpoints;
    }

    private static async Task ProcessAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot, BotSettings settings)
    {
        try
        {
            // Read once, bounded, to check where replies would go; the adapter then reads the same bytes.
            using var body = await ActivityBody.ReadAsync(http.Request, http.RequestAborted);
            if (body is null)
            {
                await Api.ApiErrors.WriteAsync(http.Response,
                    Api.ApiError.Of(StatusCodes.Status413PayloadTooLarge, Api.ApiErrors.RequestTooLarge, ActivityBody.TooLargeMessage), http.RequestAborted);
                return;
            }
            string? problem;
            try
            {
                using var activity = await System.Text.Json.JsonDocument.ParseAsync(body, cancellationToken: http.RequestAborted);
                problem = ActivityPreflight.Problem(activity.RootElement, settings.LocalDevMode);
            }
            catch (System.Text.Json.JsonException)
            {
                problem = null; // not JSON: the adapter's own reading answers 400 below
            }
            if (problem is not null)
            {
                await Api.ApiErrors.WriteAsync(http.Response, Api.ApiError.Of(StatusCodes.Status400BadRequest, "InvalidActivity", problem), http.RequestAborted);
                return;
            }
            body.Position = 0;
            http.Request.Body = body;
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
        }
        catch (JsonException) when (!http.Response.HasStarted)
        {
            // A body that is not an activity is the caller's mistake, not a server error.
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }

    /// <summary>
    /// The invite card of a meeting as JSON, for the web client's Adaptive Cards renderer. Signed-in members of the
    /// meeting's tenant only: an invite holds the join link and conference ID, and meeting ids are easy to guess.
    /// </summary>
    private static async Task<IResult> InviteCardJson(string meetingId, ITenants tenants, HttpContext http)
    {
        // Meeting ids are looked up in the caller's own tenant: another tenant's meeting is simply not found.
        if (CurrentUser.TryFrom(http.User) is not { } me) return TypedResults.NotFound();
        var meeting = await tenants.Ask(me.TenantId, new GetMeeting(meetingId));
        if (!meeting.IsSuccess) return TypedResults.NotFound();
        var json = InviteCard.Build(meeting.Value!.Invite, TimeSpan.Zero).ToString(Formatting.None);
        return TypedResults.Text(json, "application/json");
    }
}
