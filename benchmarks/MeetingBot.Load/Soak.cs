using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace MeetingBot.Load;

/// <summary>
/// Resource bounds: drives the host with a long mix of bot turns — reads, help, new conversations and dial-in calls to
/// the bridge — and samples the host's resident memory every <c>sampleEvery</c> turns. A bounded host levels off after
/// its caches and pools are warm; one that keeps something per turn grows with the count.
/// </summary>
public static class Soak
{
    /// <summary>Every tenth turn a caller dials the bridge and keys a conference ID that does not exist.</summary>
    private static readonly string[] Mix = ["meetings", "help", "meetings", "whoami", "meetings", "roster", "meetings", "credits", "meetings", "dial in 9999999#"];

    /// <param name="RssMb">The median of <see cref="RssReads"/> reads of the host's resident set, <see cref="RssReadGap"/> apart.</param>
    public sealed record Sample(long Turns, long DialIns, long Conversations, double RssMb, double RssMinMb, double RssMaxMb, double TurnsPerSecond, int Errors);

    public const int RssReads = 5;
    public static readonly TimeSpan RssReadGap = TimeSpan.FromMilliseconds(250);

    public static async Task<IReadOnlyList<Sample>> RunAsync(ProductHost host, string serviceUrl, long totalTurns, long sampleEvery, int clients, Action<Sample> onSample)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = TimeSpan.FromMinutes(10) });
        var samples = new List<Sample>();
        long next = 0, errors = 0, done = 0;
        var clock = Stopwatch.StartNew();
        var lastTurns = 0L;
        var lastElapsed = TimeSpan.Zero;
        var gate = new object();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            while (true)
            {
                var n = Interlocked.Increment(ref next) - 1;
                if (n >= totalTurns) return;
                // A new conversation (and chat user) every 1,000 turns of a client: state rows, references, caches.
                var conversation = $"soak-{c}-{n / (1_000L * clients)}";
                var body = Activity(serviceUrl, conversation, $"user-{conversation}", n, Mix[n % Mix.Length]);
                using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                using (var response = await http.PostAsync(host.Url + "/api/messages", content))
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                var finished = Interlocked.Increment(ref done);
                if (finished % sampleEvery != 0) continue;
                double rateOfRow;
                int errorsSoFar;
                lock (gate)
                {
                    var elapsed = clock.Elapsed;
                    rateOfRow = (finished - lastTurns) / (elapsed - lastElapsed).TotalSeconds;
                    errorsSoFar = (int)Interlocked.Read(ref errors);
                    (lastTurns, lastElapsed) = (finished, elapsed);
                }
                // The server GC commits and releases its allocation regions within seconds (±6 MB at this load), so one
                // read of RSS lands anywhere in that swing: five reads over a second, while the load goes on.
                var reads = new List<double>();
                for (var i = 0; i < RssReads; i++)
                {
                    if (i > 0) await Task.Delay(RssReadGap);
                    reads.Add(host.ResidentMegabytes());
                }
                reads.Sort();
                var sample = new Sample(finished, finished / Mix.Length, finished / 1_000 + clients, reads[reads.Count / 2], reads[0], reads[^1], rateOfRow, errorsSoFar);
                lock (gate)
                {
                    samples.Add(sample);
                    onSample(sample);
                }
            }
        }));
        return samples;
    }

    private static string Activity(string serviceUrl, string conversationId, string userId, long id, string text) =>
        $$"""
        {"type":"message","id":"soak-{{id.ToString(CultureInfo.InvariantCulture)}}","serviceUrl":"{{serviceUrl}}","channelId":"emulator",
         "from":{"id":"{{userId}}","name":"User","role":"user"},"conversation":{"id":"{{conversationId}}|livechat"},
         "recipient":{"id":"bot","name":"Bot","role":"bot"},"text":"{{text}}","locale":"en-US"}
        """;
}
