using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>
/// Bot turns over the web client's chat channel: N signed-in users, one WebSocket connection each to /hubs/chat, each
/// in its own 1:1 chat, each posting `meetings` in a loop (PostActivity returns when the bot's turn has run and its
/// card is stored and pushed). The host runs on its default storage (SQLite, a fresh file) unless told otherwise.
/// </summary>
public static class ChatTurns
{
    public sealed record Result(int Connections, int Failed, long Turns, int Errors, double Seconds, double P50Ms, double P99Ms)
    {
        public double TurnsPerSecond => Turns / Seconds;
    }

    public static async Task<Result> RunAsync(string repoRoot, int users, TimeSpan duration, string storage)
    {
        var settings = new Dictionary<string, string>
        {
            ["MeetingBot__Storage__Provider"] = storage,
            ["MeetingBot__Storage__Sqlite"] = $"Data Source={Path.Combine(Path.GetTempPath(), $"meetingbot-chat-{Guid.NewGuid():N}.db")}",
        };
        // The demo tenant plus `users` chat users (the directory comes from configuration), with a seat each.
        const int demoUsers = 5;
        settings["DemoTenant__Subscriptions__0__Sku"] = "Microsoft365BusinessPremium";
        settings["DemoTenant__Subscriptions__0__Seats"] = (users + 25).ToString(CultureInfo.InvariantCulture);
        for (var i = 0; i < users; i++)
        {
            var at = $"DemoTenant__Users__{demoUsers + i}__";
            settings[at + "Id"] = $"chat{i}";
            settings[at + "DisplayName"] = $"Chat User {i}";
            settings[at + "Upn"] = $"chat{i}@contoso.example";
            settings[at + "Country"] = "US";
            settings[at + "Licenses__0"] = "Microsoft365BusinessPremium";
        }
        await using var host = await ChildHost.StartProductAsync(repoRoot, settings);
        var tokens = await SignInAsync(host.Url, users);

        var connections = new (HubConnection Connection, string Conversation)?[users];
        var failed = 0;
        using (var gate = new SemaphoreSlim(50))
        {
            await Task.WhenAll(Enumerable.Range(0, users).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var connection = new HubConnectionBuilder()
                        .WithUrl(host.Url + "/hubs/chat", HttpTransportType.WebSockets, o =>
                        {
                            o.SkipNegotiation = true;
                            o.AccessTokenProvider = () => Task.FromResult<string?>(tokens[i]);
                        })
                        .Build();
                    connection.On<string, JsonElement>("Activity", (_, _) => { });
                    await connection.StartAsync();
                    var conversation = await connection.InvokeAsync<string>("OpenConversation", $"personal:contoso:chat{i}");
                    connections[i] = (connection, conversation);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var open = connections.Where(c => c is not null).Select(c => c!.Value).ToList();
        await Loop(open, TimeSpan.FromSeconds(5)); // warm-up: JIT, every user's state
        var (latencies, errors, elapsed) = await Loop(open, duration);
        foreach (var (connection, _) in open) await connection.DisposeAsync();
        return new Result(open.Count, failed, latencies.Count, errors, elapsed.TotalSeconds, Percentile.Of(latencies, 50), Percentile.Of(latencies, 99));
    }

    private static async Task<(List<double> Latencies, int Errors, TimeSpan Elapsed)> Loop(List<(HubConnection Connection, string Conversation)> open, TimeSpan duration)
    {
        var all = new List<double>[open.Count];
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(open.Select(async (c, i) =>
        {
            var mine = all[i] = [];
            var message = JsonSerializer.SerializeToElement(new { type = "message", text = "meetings" });
            while (clock.Elapsed < duration)
            {
                var sw = Stopwatch.StartNew();
                try
                {
                    await c.Connection.InvokeAsync<string>("PostActivity", c.Conversation, message);
                    mine.Add(sw.Elapsed.TotalMilliseconds);
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (all.SelectMany(l => l).ToList(), errors, clock.Elapsed);
    }

    private static async Task<string[]> SignInAsync(string url, int users)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var tokens = new string[users];
        for (var i = 0; i < users; i++)
        {
            using var signIn = await http.PostAsJsonAsync("/api/dev/signin", new { userId = $"chat{i}" });
            signIn.EnsureSuccessStatusCode();
            tokens[i] = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }
        return tokens;
    }

    public static string Row(Result r, string storage) => string.Create(CultureInfo.InvariantCulture,
        $"| {storage} | {r.Connections:N0} | {r.Failed} | {r.Turns:N0} | {r.Errors} | {r.TurnsPerSecond:N0} | {r.P50Ms:N1} | {r.P99Ms:N1} |");
}
