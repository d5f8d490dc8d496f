using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// A stand-in for the Emulator's connector: a real Kestrel server on 127.0.0.1 that records every activity the
/// bot posts to <c>/v3/conversations/...</c> and answers as the connector does.
/// </summary>
public sealed class ConnectorSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Path, JObject Activity)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication? _app;

    public string Url { get; private set; } = "";

    public IReadOnlyList<(string Path, JObject Activity)> Received => _received.ToList();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v3/conversations/{**rest}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = JObject.Parse(await reader.ReadToEndAsync());
            // Kestrel leaves %7C in the raw path; decode so tests compare with the conversation id itself.
            _received.Enqueue((Uri.UnescapeDataString(http.Request.Path.Value ?? ""), body));
            _arrived.Release();
            return Results.Json(new { id = "sink-" + _received.Count });
        });
        await _app.StartAsync();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    /// <summary>Waits until at least <paramref name="count"/> activities have arrived in total.</summary>
    public async Task<IReadOnlyList<(string Path, JObject Activity)>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_received.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left)) break;
        }
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
        _arrived.Dispose();
    }
}
