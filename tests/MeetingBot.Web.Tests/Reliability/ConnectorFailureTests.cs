using System.Net;
using System.Net.Sockets;
using System.Text;
using MeetingBot.Web.Bot;
using MeetingBot.Web.Tests.Bot;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>The channel's serviceUrl fails: the turn ends cleanly, and a reply is retried only where it cannot be posted twice.</summary>
public sealed class ConnectorFailureTests
{
    private static StringContent Activity(string serviceUrl, string id, string text) => new($$"""
        {"type":"message","id":"{{id}}","serviceUrl":"{{serviceUrl}}","channelId":"emulator",
         "from":{"id":"u-1","name":"User","role":"user"},"conversation":{"id":"c-1|livechat"},
         "recipient":{"id":"bot"},"text":"{{text}}"}
        """, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ServiceUrlRefusesConnections_TurnEndsWithoutServerErrorOrStackTrace()
    {
        await using var host = new BotHostFactory();
        using var client = host.CreateClient();

        var response = await client.PostAsync("/api/messages", Activity($"http://127.0.0.1:{ClosedPort()}", "a-1", "whoami"));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadGateway, $"status {(int)response.StatusCode}");
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at ", body);
    }

    [Fact]
    public async Task ServiceUrlAnswers503Twice_ReplyIsRetriedAndDeliveredOnce()
    {
        await using var sink = await FlakySink.StartAsync(failFirst: 2);
        await using var host = new BotHostFactory();
        using var client = host.CreateClient();

        var response = await client.PostAsync("/api/messages", Activity(sink.Url, "a-2", "whoami"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, sink.Attempts);  // two refusals, then the reply
        Assert.Equal(1, sink.Delivered);
    }

    [Fact]
    public async Task ServiceUrlAnswers500_ReplyIsNotRetried()
    {
        await using var sink = await FlakySink.StartAsync(failFirst: 1, status: StatusCodes.Status500InternalServerError);
        await using var host = new BotHostFactory();
        using var client = host.CreateClient();

        await client.PostAsync("/api/messages", Activity(sink.Url, "a-3", "whoami"));

        // The 500 may have been shown already; the reply is not sent again (only the one apology follows).
        Assert.Equal(0, sink.Attempts - sink.Delivered - 1);
        Assert.Contains(AdapterWithErrorHandler.Apology, sink.Bodies.Last());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
    }

    private sealed class FlakySink : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly List<string> _bodies = [];
        private int _attempts;
        private int _delivered;

        private FlakySink(WebApplication app) => _app = app;

        public string Url { get; private set; } = "";
        public int Attempts => Volatile.Read(ref _attempts);
        public int Delivered => Volatile.Read(ref _delivered);
        public IReadOnlyList<string> Bodies { get { lock (_bodies) return _bodies.ToList(); } }

        public static async Task<FlakySink> StartAsync(int failFirst, int status = StatusCodes.Status503ServiceUnavailable)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var sink = new FlakySink(app);
            app.MapPost("/v3/conversations/{**rest}", async (HttpContext http) =>
            {
                var body = await new StreamReader(http.Request.Body).ReadToEndAsync();
                if (Interlocked.Increment(ref sink._attempts) <= failFirst) return Results.StatusCode(status);
                Interlocked.Increment(ref sink._delivered);
                lock (sink._bodies) sink._bodies.Add(body);
                return Results.Json(new { id = "ok" });
            });
            await app.StartAsync();
            sink.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return sink;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
