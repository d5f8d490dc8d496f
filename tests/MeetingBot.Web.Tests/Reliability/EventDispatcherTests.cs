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

        public IReadOnlyList<string> Received => _received.ToList();

        public async Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, cancellationToken);
            _received.Enqueue(((MeetingEnded)engineEvent).MeetingId);
        }

        public async Task<IReadOnlyList<string>> WaitForAsync(int count, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (_received.Count < count && DateTime.UtcNow < deadline) await Task.Delay(10);
            return Received;
        }
    }
}
