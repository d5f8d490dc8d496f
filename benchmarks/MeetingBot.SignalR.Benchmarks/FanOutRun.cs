using System.Diagnostics;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>
/// The measurement, identical for both targets: warm-up events, then single events one at a time (each waits
/// until every client has it), then a burst fired back to back on every trigger stream at once.
/// </summary>
public static class FanOutRun
{
    private const int WarmUpEvents = 5;
    private const int Bursts = 3;
    private static readonly bool Verbose = Environment.GetEnvironmentVariable("FANOUT_VERBOSE") == "1";

    public static async Task<FanOutResult> RunAsync(IFanOutTarget target, int clients, int singles, int burst)
    {
        var recorder = new DeliveryRecorder();
        var connecting = Stopwatch.StartNew();
        await using var fleet = await ClientFleet.ConnectAsync(target, clients, recorder);
        var connectSeconds = connecting.Elapsed.TotalSeconds;
        if (fleet.Failed > 0)
            Console.Error.WriteLine($"  {target.Name}: {fleet.Failed} of {clients} clients failed to connect: {fleet.FirstError?.GetType().Name}: {fleet.FirstError?.Message}");
        var n = fleet.Count;
        if (n == 0) throw new InvalidOperationException("No client connected.");

        for (var i = 0; i < WarmUpEvents; i++)
        {
            var warm = recorder.Arm(n);
            await target.FireAsync(i % target.TriggerStreams);
            await WaitAsync(warm, TimeSpan.FromSeconds(30));
        }

        var fromAt = new List<double>();
        var fromRequest = new List<double>();
        var lastClient = new List<double>();
        var incomplete = 0;
        for (var i = 0; i < singles; i++)
        {
            var done = recorder.Arm(n);
            var sent = Stopwatch.GetTimestamp();
            await target.FireAsync(i % target.TriggerStreams);
            if (!await WaitAsync(done, TimeSpan.FromSeconds(30))) incomplete++;
            fromAt.AddRange(recorder.LatenciesMs());
            var receipts = recorder.ReceiptTimestamps();
            fromRequest.AddRange(receipts.Select(r => Stopwatch.GetElapsedTime(sent, r).TotalMilliseconds));
            if (receipts.Length > 0) lastClient.Add(Stopwatch.GetElapsedTime(sent, receipts.Max()).TotalMilliseconds);
            if (Verbose) Console.Error.WriteLine($"  single {i}: first {Stopwatch.GetElapsedTime(sent, receipts.Min()).TotalMilliseconds:N1} ms, last {lastClient[^1]:N1} ms");
            // A pause as between real meeting events, so each single event meets idle, warm connections.
            await Task.Delay(50);
        }

        // Several bursts, median rate: one burst on two shared cores is at the mercy of a GC or a scheduler hiccup.
        var expected = n * burst;
        var rates = new List<double>();
        var burstLatencies = new List<double>();
        var delivered = int.MaxValue;
        for (var b = 0; b < Bursts; b++)
        {
            var all = recorder.Arm(expected);
            var start = Stopwatch.GetTimestamp();
            await Task.WhenAll(Enumerable.Range(0, target.TriggerStreams).Select(async stream =>
            {
                for (var i = stream; i < burst; i += target.TriggerStreams) await target.FireAsync(stream);
            }));
            await WaitAsync(all, TimeSpan.FromSeconds(120));
            var burstReceipts = recorder.ReceiptTimestamps();
            burstLatencies.AddRange(recorder.LatenciesMs());
            delivered = Math.Min(delivered, burstReceipts.Length);
            var seconds = burstReceipts.Length == 0 ? 0 : Stopwatch.GetElapsedTime(start, burstReceipts.Max()).TotalSeconds;
            rates.Add(seconds == 0 ? 0 : burstReceipts.Length / seconds);
            if (Verbose) Console.Error.WriteLine($"  burst {b}: {burstReceipts.Length:N0} in {seconds * 1000:N0} ms");
            await Task.Delay(200);
        }
        var medianRate = Percentile.Of(rates, 50);

        return new FanOutResult(target.Name, n, fleet.Failed, connectSeconds,
            Percentile.Of(fromAt, 50), Percentile.Of(fromAt, 99),
            Percentile.Of(fromRequest, 50), Percentile.Of(fromRequest, 99),
            lastClient.Count == 0 ? 0 : lastClient.Average(),
            burst, delivered, expected, expected / Math.Max(1, medianRate),
            medianRate,
            Percentile.Of(burstLatencies, 50), Percentile.Of(burstLatencies, 99),
            incomplete);
    }

    private static async Task<bool> WaitAsync(Task done, TimeSpan timeout) =>
        await Task.WhenAny(done, Task.Delay(timeout)) == done;
}
