using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace MeetingBot.Load;

/// <summary>Posts Emulator-shaped message activities to a bot from N concurrent clients for a fixed time.</summary>
public static class TurnDriver
{
    public sealed record Result(string Name, int Clients, int Turns, int Errors, double TurnsPerSecond, double P50Ms, double P99Ms, long SinkConnections);

    public static async Task<Result> RunAsync(string name, string botUrl, string serviceUrl, string text, int clients, TimeSpan duration, ServiceUrlSink sink)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        // Warm up: JIT, connection pools, per-conversation state.
        await Loop(http, botUrl, serviceUrl, text, clients, TimeSpan.FromSeconds(2), name);
        var connectionsBefore = sink.Connections;
        var (latencies, errors, elapsed) = await Loop(http, botUrl, serviceUrl, text, clients, duration, name);
        latencies.Sort();
        double Pct(double p) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        return new Result(name, clients, latencies.Count, errors, latencies.Count / elapsed.TotalSeconds, Pct(0.50), Pct(0.99), sink.Connections - connectionsBefore);
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> Loop(HttpClient http, string botUrl, string serviceUrl, string text, int clients, TimeSpan duration, string name)
    {
        var all = new List<double>[clients];
        var errors = 0;
        var total = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            var mine = all[c] = new List<double>(4096);
            var n = 0;
            while (total.Elapsed < duration)
            {
                var body = Activity(serviceUrl, $"{name}-conv-{c}", $"user-{c}", $"{c}-{n++}", text);
                using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                var sw = Stopwatch.StartNew();
                using var response = await http.PostAsync(botUrl, content);
                sw.Stop();
                if (response.IsSuccessStatusCode) mine.Add(sw.Elapsed.TotalMilliseconds);
                else Interlocked.Increment(ref errors);
            }
        }));
        return (all.SelectMany(l => l).ToList(), errors, total.Elapsed);
    }

    private static string Activity(string serviceUrl, string conversationId, string userId, string id, string text) =>
        $$"""
        {"type":"message","id":"{{id}}","timestamp":"{{DateTimeOffset.UtcNow:O}}","serviceUrl":"{{serviceUrl}}","channelId":"emulator",
         "from":{"id":"{{userId}}","name":"User","role":"user"},"conversation":{"id":"{{conversationId}}|livechat"},
         "recipient":{"id":"bot","name":"Bot","role":"bot"},"text":"{{text}}","locale":"en-US"}
        """;
}
