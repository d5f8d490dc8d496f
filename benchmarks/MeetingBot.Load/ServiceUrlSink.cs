namespace MeetingBot.Load;

/// <summary>
/// A fast stand-in for the channel's connector: accepts every reply the bot posts to its serviceUrl, counts
/// the TCP connections it was sent over, and answers at once.
/// </summary>
public sealed class ServiceUrlSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private long _replies;
    private long _connections;

    private ServiceUrlSink(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";
    public long Replies => Interlocked.Read(ref _replies);
    public long Connections => Interlocked.Read(ref _connections);

    public static async Task<ServiceUrlSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new ServiceUrlSink(app);
        app.Use(async (ctx, next) =>
        {
            // Kestrel keeps one items bag per TCP connection: the first request on it counts the connection.
            var items = ctx.Features.Get<Microsoft.AspNetCore.Connections.Features.IConnectionItemsFeature>()?.Items;
            if (items is not null && items.TryAdd("seen", true)) Interlocked.Increment(ref sink._connections);
            await next();
        });
        app.MapPost("/v3/conversations/{**rest}", async (HttpContext ctx) =>
        {
            await ctx.Request.Body.CopyToAsync(Stream.Null);
            Interlocked.Increment(ref sink._replies);
            return Results.Json(new { id = "reply" });
        });
        await app.StartAsync();
        sink.Url = app.Urls.First();
        return sink;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
