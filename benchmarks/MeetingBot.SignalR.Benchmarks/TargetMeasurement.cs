using System.Diagnostics;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>
/// One target with its own warm client fleet: single events one at a time (each waits until every client has
/// it) and bursts fired on every trigger stream at once. Figures accumulate over calls, so a run can interleave
/// two targets round by round and background load on the box hits both alike.
/// </summary>
public sealed class TargetMeasurement : IAsyncDisposable
{
    private const int WarmUpEvents = 5;
    private static readonly bool Verbose = Environment.GetEnvironmentVariable("FANOUT_VERBOSE") == "1";
    private readonly IFanOutTarget _target;
    private readonly ClientFleet _fleet;
    private readonly DeliveryRecorder _recorder;
    private readonly List<double> _fromAt = [];
    private readonly List<double> _fromRequest = [];
    private readonly List<double> _lastClient = [];
    private readonly List<double> _burstRates = [];
    private readonly List<double> _burstLatencies = [];
    private readonly List<double> _burstCpuUsPerDelivery = [];
    private readonly List<double> _burstTriggersMs = [];
    private int _incomplete;
    private int _burstDelivered = int.MaxValue;
    private int _burstEvents;
    private int _singleIndex;

    private TargetMeasurement(IFanOutTarget target, ClientFleet fleet, DeliveryRecorder recorder, double connectSeconds)
    {
        _target = target;
        _fleet = fleet;
        _recorder = recorder;
        ConnectSeconds = connectSeconds;
    }

    public double ConnectSeconds { get; }

    public static async Task<TargetMeasurement> ConnectAsync(IFanOutTarget target, int clients)
    {
        var recorder = new DeliveryRecorder();
        var connecting = Stopwatch.StartNew();
        var fleet = await ClientFleet.ConnectAsync(target, clients, recorder);
        if (fleet.Failed > 0)
            Console.Error.WriteLine($"  {target.Name}: {fleet.Failed} of {clients} clients failed to connect: {fleet.FirstError?.GetType().Name}: {fleet.FirstError?.Message}");
        if (fleet.Count == 0) throw new InvalidOperationException("No client connected.");
        var m = new TargetMeasurement(target, fleet, recorder, connecting.Elapsed.TotalSeconds);
        for (var i = 0; i < WarmUpEvents; i++)
        {
            var warm = recorder.Arm(fleet.Count);
            await target.FireAsync(m._singleIndex++ % target.TriggerStreams);
            await WaitAsync(warm, TimeSpan.FromSeconds(30));
        }
        return m;
    }

    public async Task SinglesAsync(int count)
    {
        var n = _fleet.Count;
        for (var i = 0; i < count; i++)
        {
            var done = _recorder.Arm(n);
            var sent = Stopwatch.GetTimestamp();
            await _target.FireAsync(_singleIndex++ % _target.TriggerStreams);
            if (!await WaitAsync(done, TimeSpan.FromSeconds(30))) _incomplete++;
            _fromAt.AddRange(_recorder.LatenciesMs());
            var receipts = _recorder.ReceiptTimestamps();
            _fromRequest.AddRange(receipts.Select(r => Stopwatch.GetElapsedTime(sent, r).TotalMilliseconds));
            if (receipts.Length > 0) _lastClient.Add(Stopwatch.GetElapsedTime(sent, receipts.Max()).TotalMilliseconds);
            if (Verbose) Console.Error.WriteLine($"  {_target.Name} single: last client {_lastClient[^1]:N1} ms");
            // A pause as between real meeting events, so each single event meets idle, warm connections.
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// One burst that is not counted: the first bursts after a server starts run partly on code the JIT has not
    /// optimized yet (in full runs the first row came out lowest), for the product more than for the bare hub.
    /// </summary>
    public async Task WarmUpBurstAsync(int events)
    {
        var all = _recorder.Arm(_fleet.Count * events);
        await FireBurstAsync(events);
        await WaitAsync(all, TimeSpan.FromSeconds(120));
        await Task.Delay(200);
    }

    /// <summary>Fires the events on every trigger stream at once; returns when the last trigger was accepted.</summary>
    private Task FireBurstAsync(int events) =>
        Task.WhenAll(Enumerable.Range(0, _target.TriggerStreams).Select(async stream =>
        {
            for (var i = stream; i < events; i += _target.TriggerStreams) await _target.FireAsync(stream);
        }));

    public async Task BurstAsync(int events)
    {
        var expected = _fleet.Count * events;
        _burstEvents = events;
        var all = _recorder.Arm(expected);
        using var server = Process.GetProcessById(_target.ServerProcessId);
        var cpuBefore = server.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        await FireBurstAsync(events);
        var triggersMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        await WaitAsync(all, TimeSpan.FromSeconds(120));
        server.Refresh();
        // The server's own CPU time over the burst (every thread, user and kernel) is steadier than wall time on
        // a shared box: it says what a delivery costs the server, whatever else ran meanwhile.
        var cpuUs = (server.TotalProcessorTime - cpuBefore).TotalMicroseconds;
        var receipts = _recorder.ReceiptTimestamps();
        _burstLatencies.AddRange(_recorder.LatenciesMs());
        _burstDelivered = Math.Min(_burstDelivered, receipts.Length);
        var seconds = receipts.Length == 0 ? 0 : Stopwatch.GetElapsedTime(start, receipts.Max()).TotalSeconds;
        _burstRates.Add(seconds == 0 ? 0 : receipts.Length / seconds);
        _burstTriggersMs.Add(triggersMs);
        if (receipts.Length > 0) _burstCpuUsPerDelivery.Add(cpuUs / receipts.Length);
        if (Verbose)
            Console.Error.WriteLine($"  {_target.Name} burst: {receipts.Length:N0} in {seconds * 1000:N0} ms (triggers accepted by {triggersMs:N0} ms), " +
                                    $"server CPU {cpuUs / 1000:N0} ms");
        await Task.Delay(200);
    }

    public FanOutResult Result()
    {
        var expected = _fleet.Count * _burstEvents;
        var rate = Percentile.Of(_burstRates, 50);
        return new FanOutResult(_target.Name, _fleet.Count, _fleet.Failed, ConnectSeconds,
            Percentile.Of(_fromAt, 50), Percentile.Of(_fromAt, 99),
            Percentile.Of(_fromRequest, 50), Percentile.Of(_fromRequest, 99),
            _lastClient.Count == 0 ? 0 : _lastClient.Average(),
            _burstEvents, _burstDelivered == int.MaxValue ? 0 : _burstDelivered, expected, rate == 0 ? 0 : expected / rate, rate,
            Percentile.Of(_burstLatencies, 50), Percentile.Of(_burstLatencies, 99),
            Percentile.Of(_burstTriggersMs, 50), Percentile.Of(_burstCpuUsPerDelivery, 50), _incomplete);
    }

    public ValueTask DisposeAsync() => _fleet.DisposeAsync();

    private static async Task<bool> WaitAsync(Task done, TimeSpan timeout) =>
        await Task.WhenAny(done, Task.Delay(timeout)) == done;
}
