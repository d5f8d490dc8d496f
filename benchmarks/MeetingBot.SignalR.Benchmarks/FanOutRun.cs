using System.Diagnostics;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>
/// The measurement, identical for both targets: warm-up events, then single events one at a time (each waits
/// until every client has it), then a burst fired back to back.
/// </summary>
public static class FanOutRun
{
    private const int WarmUpEvents = 5;

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
            await target.FireAsync();
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
            await target.FireAsync();
            if (!await WaitAsync(done, TimeSpan.FromSeconds(30))) incomplete++;
            fromAt.AddRange(recorder.LatenciesMs());
            var receipts = recorder.ReceiptTimestamps();
            fromRequest.AddRange(receipts.Select(r => Stopwatch.GetElapsedTime(sent, r).TotalMilliseconds));
            if (receipts.Length > 0) lastClient.Add(Stopwatch.GetElapsedTime(sent, receipts.Max()).TotalMilliseconds);
            // A pause as between real meeting events, so each single event meets idle, warm connections.
            await Task.Delay(50);
        }

        var expected = n * burst;
        var all = recorder.Arm(expected);
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < burst; i++) await target.FireAsync();
        await WaitAsync(all, TimeSpan.FromSeconds(120));
        var burstReceipts = recorder.ReceiptTimestamps();
        var burstLatencies = recorder.LatenciesMs();
        var burstSeconds = burstReceipts.Length == 0 ? 0 : Stopwatch.GetElapsedTime(start, burstReceipts.Max()).TotalSeconds;

        return new FanOutResult(target.Name, n, fleet.Failed, connectSeconds,
            Percentile.Of(fromAt, 50), Percentile.Of(fromAt, 99),
            Percentile.Of(fromRequest, 50), Percentile.Of(fromRequest, 99),
            lastClient.Count == 0 ? 0 : lastClient.Average(),
            burst, burstReceipts.Length, expected, burstSeconds,
            burstSeconds == 0 ? 0 : burstReceipts.Length / burstSeconds,
            Percentile.Of(burstLatencies, 50), Percentile.Of(burstLatencies, 99),
            incomplete);
    }

    private static async Task<bool> WaitAsync(Task done, TimeSpan timeout) =>
        await Task.WhenAny(done, Task.Delay(timeout)) == done;
}
