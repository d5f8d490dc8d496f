using Microsoft.AspNetCore.SignalR;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>
/// The bare hub host, run as a child process of this tool (like the product) so both servers get the same
/// share of the two cores. POST /fire is one <c>Clients.All.SendAsync</c>.
/// </summary>
public static class BareHubServer
{
    public const string HubPath = "/hubs/bare";
    public const string Method = "m";

    public static async Task RunAsync(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        var app = builder.Build();
        long seq = 0;
        app.MapHub<BareHub>(HubPath);
        app.MapGet("/ready", () => "ok");
        BareMessage Next() => new(Interlocked.Increment(ref seq), DateTimeOffset.UtcNow);
        if (Environment.GetEnvironmentVariable("BARE_ONE_SENDER") == "1")
        {
            // Diagnostic variant: triggers queue and one loop sends them in order, as the product's dispatcher does.
            var queue = System.Threading.Channels.Channel.CreateUnbounded<BareMessage>(new() { SingleReader = true });
            var hubContext = app.Services.GetRequiredService<IHubContext<BareHub>>();
            _ = Task.Run(async () =>
            {
                await foreach (var m in queue.Reader.ReadAllAsync()) await hubContext.Clients.All.SendAsync(Method, m);
            });
            app.MapPost("/fire", () =>
            {
                queue.Writer.TryWrite(Next());
                return Results.NoContent();
            });
        }
        else
        {
            // Answers once the broadcast has started, not when every connection has flushed: the product's API
            // likewise answers once the engine event is queued, so a burst of triggers never waits on delivery.
            app.MapPost("/fire", (IHubContext<BareHub> hub) =>
            {
                var sending = hub.Clients.All.SendAsync(Method, Next());
                sending.ContinueWith(t => Console.Error.WriteLine(t.Exception), TaskContinuationOptions.OnlyOnFaulted);
                return Results.NoContent();
            });
        }
        await app.RunAsync();
    }
}
