using MeetingBot.Engine;
using MeetingBot.Engine.Events;
using MeetingBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Storage.Tests;

/// <summary>The 7-day expiry notice is once per purchase across restarts: the audit log that records it is what a new host reads.</summary>
public class CreditExpiryNoticeRestartTests
{
    private const string T = Seeds.TenantId;

    private sealed class Recorder : IEngineEvents
    {
        public List<EngineEvent> All { get; } = [];
        public void Publish(EngineEvent engineEvent) => All.Add(engineEvent);
    }

    private static (ConferenceEngine Engine, Recorder Events) Start(TestStore store, FakeTimeProvider clock)
    {
        var events = new Recorder();
        var engine = new ConferenceEngine(new EngineOptions { AutoAnswerAfter = TimeSpan.Zero }, clock, events, journal: new SqlEngineJournal(store.NewDialect()));
        engine.AddTenant(Seeds.Tenant());
        return (engine, events);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_AfterTheNotice_DoesNotTellTheAdminsAgain_ButAPurchaseNotYetNoticedIsStillTold(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var (before, beforeEvents) = Start(store, clock);
        before.AddFunds(T, "nestor", 5m).Unwrap();
        clock.Advance(TimeSpan.FromDays(3));
        before.AddFunds(T, "nestor", 7m).Unwrap();
        clock.SetUtcNow(Seeds.Start.AddMonths(12).AddDays(-6)); // the first is due, the second not yet
        before.Tick();

        var (after, afterEvents) = Start(store, clock);
        after.Tick();
        clock.Advance(TimeSpan.FromDays(3));
        after.Tick();

        Assert.Equal([5m], beforeEvents.All.OfType<CreditsExpiringSoon>().Select(e => e.Remaining));
        Assert.Equal([7m], afterEvents.All.OfType<CreditsExpiringSoon>().Select(e => e.Remaining));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_KeepsTheForecastsPooledMinutesPerDay(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var (before, _) = Start(store, clock);
        var meeting = before.ScheduleMeeting(T, "adele", "Budget", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Unwrap();
        var leg = before.CallMe(T, "adele", meeting.Id, "4055550100").Unwrap();
        clock.Advance(TimeSpan.FromSeconds(150));
        before.Tick();
        before.HangUp(T, "adele", leg.Id).Unwrap();
        clock.Advance(TimeSpan.FromDays(1));

        var (after, _) = Start(store, clock);

        var forecast = after.GetMoneyForecast(T, "nestor").Unwrap();
        Assert.Equal(3, forecast.PoolMinutesUsed);
        Assert.Equal(3, forecast.PoolMinutesByDay[Seeds.Start.Day - 1]);
        Assert.Equal(3, forecast.PoolMinutesByDay.Sum());
    }
}
