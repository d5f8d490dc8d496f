using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using MeetingBot.E2E.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingBot.E2E.Tests.WebChat;

/// <summary>
/// TEST ONLY. Stands between Microsoft's Web Chat in the page and the bot's /api/messages, the way the Bot Framework
/// Emulator's server does: the page posts user activities here and reads every activity back over server-sent
/// events; the relay stamps them (id, timestamp, channelId "emulator", its own loopback URL as serviceUrl) and posts
/// them to the bot, and it answers the connector calls the bot makes (<c>POST /v3/conversations/{id}/activities[/{replyToId}]</c>)
/// by pushing those activities to the page. Anything else the bot asks of the "channel" is recorded as a failure.
/// </summary>
public sealed class WebChatRelay : IAsyncDisposable
{
    public const string UserId = "user1";
    public const string BotId = "meetingbot";

    private readonly WebApplication _app;
    private readonly HttpClient _bot;
    private readonly List<JsonObject> _sent = [];
    private readonly ConcurrentQueue<string> _failures = new();
    private readonly List<Channel<string>> _listeners = [];
    private readonly List<Task> _forwards = [];
    private int _nextId;
    private bool _greeted;

    private WebChatRelay(WebApplication app, Uri botBaseAddress)
    {
        _app = app;
        _bot = new HttpClient { BaseAddress = botBaseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public string ConversationId { get; } = Guid.NewGuid().ToString("N") + "|livechat";

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every activity the page has been sent so far (user echoes and bot activities), in order.</summary>
    public IReadOnlyList<JsonObject> Sent
    {
        get { lock (_sent) return _sent.ToList(); }
    }

    public IReadOnlyCollection<string> Failures => _failures.ToArray();

    public static async Task<WebChatRelay> StartAsync(Uri botBaseAddress)
    {
        var bundle = RepositoryPaths.Combine("tools", "webchat", "node_modules", "botframework-webchat", "dist", "webchat.js");
        if (!File.Exists(bundle))
            throw new InvalidOperationException($"{bundle} is missing: run `npm ci` in tools/webchat (scripts/test.sh does).");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var relay = new WebChatRelay(app, botBaseAddress);

        app.MapGet("/", () => Results.Content(WebChatPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/webchat.js", () => Results.File(bundle, "text/javascript; charset=utf-8"));
        app.MapGet("/favicon.ico", () => Results.NoContent());
        app.MapGet("/directline/events", relay.StreamAsync);
        app.MapPost("/directline/activities", (Delegate)relay.FromUserAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", relay.FromBotAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId}", relay.FromBotAsync);
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", relay.UpdateFromBotAsync);
        app.MapFallback((HttpContext context) =>
        {
            relay._failures.Enqueue($"unexpected request {context.Request.Method} {context.Request.Path}");
            return Results.NotFound();
        });

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        relay.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return relay;
    }

    /// <summary>Waits until every user activity posted so far has been answered by the bot.</summary>
    public async Task DrainAsync()
    {
        Task[] pending;
        lock (_forwards) pending = _forwards.ToArray();
        await Task.WhenAll(pending);
    }

    /// <summary>Sends the page an activity as if the bot had posted it to the connector (to prove what Web Chat warns about).</summary>
    public void PushAsBot(JsonObject activity)
    {
        activity["id"] = NextId();
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        activity["from"] = new JsonObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" };
        activity["conversation"] = new JsonObject { ["id"] = ConversationId };
        Push(activity);
    }

    private async Task StreamAsync(HttpContext context)
    {
        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var channel = Channel.CreateUnbounded<string>();
        bool greet;
        lock (_sent)
        {
            // A reconnecting page gets the whole conversation again (Web Chat drops the ids it already has).
            foreach (var a in _sent) channel.Writer.TryWrite(a.ToJsonString());
            _listeners.Add(channel);
            greet = !_greeted;
            _greeted = true;
        }
        await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);

        // The Emulator opens a conversation with one conversationUpdate that adds both the bot and the user.
        if (greet)
        {
            var update = Stamp(new JsonObject
            {
                ["type"] = "conversationUpdate",
                ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotId, ["name"] = "Bot" }, new JsonObject { ["id"] = UserId, ["name"] = "User" }),
                ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "User" },
            });
            // Direct Line delivers the conversationUpdate to the client too, so the welcome's replyToId names an
            // activity the page has.
            Push(update);
            Forward(update);
        }

        try
        {
            await foreach (var json in channel.Reader.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync($"data: {json}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException)
        {
            // The page went away.
        }
        finally
        {
            lock (_sent) _listeners.Remove(channel);
        }
    }

    private async Task<IResult> FromUserAsync(HttpContext context)
    {
        var activity = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        Stamp(activity);
        activity["from"] = new JsonObject { ["id"] = UserId, ["name"] = "User", ["role"] = "user" };
        // The echo first: the page then knows the id the bot's replies name in replyToId.
        Push(activity);
        Forward(activity);
        return Results.Json(new { id = (string)activity["id"]! });
    }

    private async Task<IResult> FromBotAsync(HttpContext context, string conversationId, string? replyToId)
    {
        var activity = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (conversationId != ConversationId) _failures.Enqueue($"bot wrote to conversation {conversationId}");
        if (replyToId is not null && (string?)activity["replyToId"] != replyToId)
            _failures.Enqueue($"reply to {replyToId} carries replyToId {(string?)activity["replyToId"]}");
        activity["id"] = NextId();
        activity["timestamp"] ??= DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        Push(activity);
        return Results.Json(new { id = (string)activity["id"]! });
    }

    /// <summary>
    /// The bot updates an activity it posted (a card redrawn in place): the page gets it again under the same id, which
    /// Web Chat shows in place of the old one.
    /// </summary>
    private async Task<IResult> UpdateFromBotAsync(HttpContext context, string conversationId, string activityId)
    {
        var activity = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        if (conversationId != ConversationId) _failures.Enqueue($"bot updated in conversation {conversationId}");
        JsonObject? original;
        lock (_sent) original = _sent.LastOrDefault(a => (string?)a["id"] == activityId);
        if (original is null)
        {
            _failures.Enqueue($"bot updated {activityId}, which it never posted");
            return Results.NotFound();
        }
        activity["id"] = activityId;
        activity["timestamp"] = (string?)original["timestamp"];
        activity["from"] ??= original["from"]?.DeepClone();
        Push(activity);
        return Results.Json(new { id = activityId });
    }

    private JsonObject Stamp(JsonObject activity)
    {
        activity["id"] = NextId();
        activity["timestamp"] = DateTimeOffset.UtcNow.ToString("o", CultureInfo.InvariantCulture);
        activity["channelId"] = "emulator";
        activity["serviceUrl"] = BaseAddress.ToString().TrimEnd('/');
        activity["conversation"] = new JsonObject { ["id"] = ConversationId };
        activity["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Bot", ["role"] = "bot" };
        return activity;
    }

    private string NextId() => "relay-" + Interlocked.Increment(ref _nextId).ToString("D5", CultureInfo.InvariantCulture);

    private void Push(JsonObject activity)
    {
        var json = activity.ToJsonString();
        lock (_sent)
        {
            _sent.Add((JsonObject)activity.DeepClone());
            foreach (var listener in _listeners) listener.Writer.TryWrite(json);
        }
    }

    /// <summary>Posts to the bot in the background (the bot replies while its POST is open, as with the Emulator).</summary>
    private void Forward(JsonObject activity)
    {
        var body = activity.ToJsonString();
        var task = Task.Run(async () =>
        {
            try
            {
                using var response = await _bot.PostAsync("api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
                if (!response.IsSuccessStatusCode)
                    _failures.Enqueue($"/api/messages answered {(int)response.StatusCode} to {body}: {await response.Content.ReadAsStringAsync()}");
            }
            catch (Exception ex)
            {
                _failures.Enqueue($"/api/messages failed for {body}: {ex.Message}");
            }
        });
        lock (_forwards) _forwards.Add(task);
    }

    public async ValueTask DisposeAsync()
    {
        lock (_sent) foreach (var listener in _listeners) listener.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _bot.Dispose();
    }
}
