using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// The product's clock (keyed <see cref="MeetingBotClock.Key"/>) moves with the demo or a test; the runtime's clock
/// (the unkeyed <see cref="TimeProvider"/>) must not. Orleans times its grain calls out on the unkeyed one: a clock
/// moved 30 s ahead while a call is in flight failed that call with "Response did not arrive on time".
/// </summary>
public sealed class ProductClockTests
{
    [Fact]
    public async Task ProductClockJumpsHoursWhileGrainCallsAreInFlight_EveryCallIsAnswered()
    {
        await using var host = new MeetingBotAppFactory();
        var tenants = host.Tenants;
        Assert.NotSame(host.Time, host.Services.GetRequiredService<TimeProvider>());
        Assert.Same(host.Time, host.Services.GetRequiredKeyedService<TimeProvider>(MeetingBotClock.Key));

        using var stop = new CancellationTokenSource();
        var clock = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) { host.Time.Advance(TimeSpan.FromMinutes(10)); await Task.Yield(); }
        });
        var before = host.Time.GetUtcNow();
        var calls = Enumerable.Range(0, 2_000).Select(_ => Task.Run(() => tenants.Ask("contoso", new GetCreditBalance()))).ToList();
        var failures = 0;
        foreach (var call in calls)
        {
            try { await call; }
            catch (TenantUnavailableException) { failures++; }
        }
        await stop.CancelAsync();
        await clock;

        Assert.True(host.Time.GetUtcNow() - before > TimeSpan.FromHours(1), "the product clock should have moved hours during the calls");
        Assert.Equal(0, failures);
    }
}
