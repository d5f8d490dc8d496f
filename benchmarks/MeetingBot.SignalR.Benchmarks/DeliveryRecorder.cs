using System.Diagnostics;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>
/// Counts deliveries across every client connection of a fleet with no locks: one slot per expected delivery
/// (latency from the server's instant, and the local receipt timestamp), and a signal when the last one lands.
/// </summary>
public sealed class DeliveryRecorder
{
    private long[] _latencyTicks = [];
    private long[] _receivedAt = [];
    private int _count;
    private int _expected;
    private TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count => Math.Min(Volatile.Read(ref _count), _expected);

    /// <summary>Starts a phase: the next <paramref name="expected"/> deliveries are recorded.</summary>
    public Task Arm(int expected)
    {
        _latencyTicks = new long[expected];
        _receivedAt = new long[expected];
        _expected = expected;
        _done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _count, 0);
        return _done.Task;
    }

    public void Record(DateTimeOffset serverAt)
    {
        var now = DateTimeOffset.UtcNow;
        var timestamp = Stopwatch.GetTimestamp();
        var i = Interlocked.Increment(ref _count) - 1;
        if (i >= _expected) return;
        _latencyTicks[i] = (now - serverAt).Ticks;
        _receivedAt[i] = timestamp;
        if (i == _expected - 1) _done.TrySetResult();
    }

    /// <summary>Latencies (ms) of the deliveries recorded so far, from the server's instant to receipt.</summary>
    public double[] LatenciesMs() => _latencyTicks.Take(Count).Select(t => t / (double)TimeSpan.TicksPerMillisecond).ToArray();

    /// <summary>Receipt timestamps (Stopwatch) of the deliveries recorded so far.</summary>
    public long[] ReceiptTimestamps() => _receivedAt.Take(Count).ToArray();
}
