using System.Collections.Concurrent;
using MeetingBot.Engine.Events;
using MeetingBot.Web.Composition;
using MeetingBot.Web.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>One stalled or failing push target must not hold back the others' events for long.</summary>
public sealed class EventDispatcherTests
{
    private static MeetingEnded Event(int n) => new("contoso", DateTimeOffset.UnixEpoch, $"m{n}", "adele", 0);

    private static EngineEventDispatcher Dispatcher(TimeSpan timeout, params IEngineEventSubscriber[] subscribers)
    {
        var services = new ServiceCollection();
        foreach (var s in subscribers) services.AddSingleton(s);
        return new EngineEventDispatcher(services.BuildServiceProvider(), NullLogger<EngineEventDispatcher>.Instance,
            Options.Create(new MeetingBotOptions { EventSubscriberTimeout = timeout }));
    }

    [Fact]
    public async Task StalledAndFailingSubscribers_OthersStillGetEveryEventInOrder()
    {
        var recorder = new Recorder(TimeSpan.FromMilliseconds(5));
        var dispatcher = Dispatcher(TimeSpan.FromMilliseconds(200), new Stalled(), new Throwing(), recorder);
        await dispatcher.StartAsync(CancellationToken.None);

        for (var i = 1; i <= 5; i++) dispatcher.Publish(Event(i));
        // Each event waits out the stalled subscriber (200 ms); the bound is generous for a loaded machine.
        var received = await recorder.WaitForAsync(5, TimeSpan.FromSeconds(30));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], received);
    }

    [Fact]
    public async Task SlowSubscriber_WithinTheTimeout_IsWaitedFor_SoOrderHolds()
    {
        var slow = new Recorder(TimeSpan.FromMilliseconds(30));
        var fast = new Recorder(TimeSpan.Zero);
        var dispatcher = Dispatcher(TimeSpan.FromSeconds(5), slow, fast);
        await dispatcher.StartAsync(CancellationToken.None);

        for (var i = 1; i <= 4; i++) dispatcher.Publish(Event(i));
        var slowSaw = await slow.WaitForAsync(4, TimeSpan.FromSeconds(5));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(["m1", "m2", "m3", "m4"], slowSaw);
        Assert.Equal(slowSaw, fast.Received);
    }

    [Fact]
    public async Task EventsQueuedTogether_BatchSubscriberGetsThemAsOneBatch_OthersOneByOne_BothInOrder()
    {
        var batches = new BatchRecorder();
        var single = new Recorder(TimeSpan.Zero);
        var dispatcher = Dispatcher(TimeSpan.FromSeconds(5), batches, single);
        for (var i = 1; i <= 70; i++) dispatcher.Publish(Event(i)); // queued before the loop runs: a backlog
        await dispatcher.StartAsync(CancellationToken.None);

        var saw = await single.WaitForAsync(70, TimeSpan.FromSeconds(10));
        for (var i = 0; i < 200 && batches.Events.Count < 70; i++) await Task.Delay(10);
        dispatcher.Publish(Event(71)); // alone in the queue: handed over alone
        await single.WaitForAsync(71, TimeSpan.FromSeconds(10));
        for (var i = 0; i < 200 && batches.Singles.Count < 1; i++) await Task.Delay(10);
        await dispatcher.StopAsync(CancellationToken.None);

        var expected = Enumerable.Range(1, 70).Select(i => $"m{i}").ToList();
        Assert.Equal(expected, saw);
        Assert.Equal(expected, batches.Events);
        Assert.Equal([EngineEventDispatcher.MaxBatch, 70 - EngineEventDispatcher.MaxBatch], batches.Sizes);
        Assert.Equal(["m71"], batches.Singles);
    }

    [Fact]
    public async Task EventsQueuedTogether_SlowSubscriberWithinTheTimeoutPerEvent_GetsThemOneAtATimeInOrder()
    {
        // 32 events of 120 ms each take longer than the 3 s timeout together, but each is far within it (25 times over,
        // so a loaded test machine does not stretch one past it): the timeout bounds an event, as when it comes alone,
        // so the next backlog never runs beside this one.
        var slow = new Recorder(TimeSpan.FromMilliseconds(120));
        var dispatcher = Dispatcher(TimeSpan.FromSeconds(3), slow, new BatchRecorder());
        for (var i = 1; i <= 32; i++) dispatcher.Publish(Event(i));
        await dispatcher.StartAsync(CancellationToken.None);
        await Task.Delay(150);
        for (var i = 33; i <= 64; i++) dispatcher.Publish(Event(i));

        var saw = await slow.WaitForAsync(64, TimeSpan.FromSeconds(60));
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(Enumerable.Range(1, 64).Select(i => $"m{i}"), saw);
        Assert.Equal(1, slow.MostAtOnce);
    }

    private sealed class BatchRecorder : IEngineEventBatchSubscriber
    {
        private readonly ConcurrentQueue<string> _events = new();
        private readonly ConcurrentQueue<int> _sizes = new();
        private readonly ConcurrentQueue<string> _singles = new();

        public IReadOnlyList<string> Events => _events.ToList();
        public IReadOnlyList<int> Sizes => _sizes.ToList();
        public IReadOnlyList<string> Singles => _singles.ToList();

        public Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
        {
            _singles.Enqueue(((MeetingEnded)engineEvent).MeetingId);
            return Task.CompletedTask;
        }

        public Task HandleBatchAsync(IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken)
        {
            _sizes.Enqueue(events.Count);
            foreach (var e in events) _events.Enqueue(((MeetingEnded)e).MeetingId);
            return Task.CompletedTask;
        }
    }

    private sealed class Stalled : IEngineEventSubscriber
    {
        public Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken) => new TaskCompletionSource().Task;
    }

    private sealed class Throwing : IEngineEventSubscriber
    {
        public Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken) => throw new InvalidOperationException("push target down");
    }

    private sealed class Recorder(TimeSpan delay) : IEngineEventSubscriber
    {
        private readonly ConcurrentQueue<string> _received = new();
        private int _running;
        private int _mostAtOnce;

        public IReadOnlyList<string> Received => _received.ToList();

        /// <summary>The most events this subscriber was handling at the same moment.</summary>
        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);

        public async Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
        {
            var running = Interlocked.Increment(ref _running);
            for (var most = _mostAtOnce; running > most; most = _mostAtOnce) Interlocked.CompareExchange(ref _mostAtOnce, running, most);
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken);
            _received.Enqueue(((MeetingEnded)engineEvent).MeetingId);
            Interlocked.Decrement(ref _running);
        }

        public async Task<IReadOnlyList<string>> WaitForAsync(int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (_received.Count < count && DateTime.UtcNow < deadline) await Task.Delay(10);
            return Received;
        }
    }
}
