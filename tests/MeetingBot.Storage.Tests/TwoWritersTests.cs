using System.Collections.Concurrent;
using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Storage.Tests;

/// <summary>
/// Two hosts (two engines, two connection pools) on one database, each believing from its own memory that the
/// whole pool and balance are there: the database alone must stop them at exactly the pool size and the balance.
/// </summary>
public class TwoWritersTests
{
    private const string T = Seeds.TenantId;
    private const int DialOutsPerHost = 150;
    private const decimal Funds = 3.00m; // 150 US minutes at 0.02

    private static (ConferenceEngine Engine, FakeTimeProvider Clock, List<CallLeg> Legs) Host(TestStore store)
    {
        var clock = new FakeTimeProvider(Seeds.Start);
        var options = new EngineOptions { AutoAnswerAfter = TimeSpan.Zero, MaxDialOutsPerUserPerMinute = 10_000, MaxDialOutsPerTenantPerMinute = 100_000 };
        var engine = new ConferenceEngine(options, clock, journal: new SqlEngineJournal(store.NewDialect()));
        engine.AddTenant(Seeds.Tenant(Funds));
        return (engine, clock, []);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task DialOuts_FromTwoHostsAtOnce_DrawThePoolAndBalanceExactlyOnce(string provider)
    {
        using var store = TestStore.Create(provider);
        var hosts = new[] { Host(store), Host(store) }; // the second restores what the first seeded
        var poolSize = hosts[0].Engine.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD && r.Month.Month == 3).MinutesAvailable;

        await Task.WhenAll(hosts.Select((h, n) => Task.Run(() =>
        {
            var meeting = h.Engine.ScheduleMeeting(T, "lee", $"host {n}", h.Clock.GetUtcNow(), h.Clock.GetUtcNow().AddHours(2)).Value!;
            h.Engine.JoinMeeting(T, "lee", meeting.Id, AudioMode.ComputerAudio);
            var legs = new ConcurrentBag<CallLeg>();
            Parallel.For(0, DialOutsPerHost, i =>
            {
                var leg = h.Engine.AddParticipantByPhone(T, "lee", meeting.Id, $"+1 405 55{n}-{i:D4}");
                if (leg.IsSuccess) legs.Add(leg.Value!);
            });
            h.Legs.AddRange(legs);
            for (var minute = 0; minute < 5; minute++)
            {
                h.Clock.Advance(TimeSpan.FromMinutes(1));
                h.Engine.Tick();
            }
        })));

        var poolMinutes = JournalStoreTests.Scalar(store, "SELECT COUNT(*) FROM leg_minutes WHERE capability = 'MCOMEETADD'");
        var creditMinutes = JournalStoreTests.Scalar(store, "SELECT COUNT(*) FROM leg_minutes WHERE capability = 'MCOPSTNPP'");
        Assert.Equal(2 * DialOutsPerHost, hosts.Sum(h => h.Legs.Count));
        Assert.Equal(poolSize, poolMinutes);
        Assert.Equal(poolSize, JournalStoreTests.Scalar(store, "SELECT used FROM pool_usage"));
        Assert.Equal((long)(Funds / 0.02m), creditMinutes);
        Assert.Equal(0, JournalStoreTests.Scalar(store, "SELECT COUNT(*) FROM credit_purchases WHERE remaining <> 0"));
        // What the hosts believe they were paid for is exactly what the database charged: no minute twice, none lost.
        Assert.Equal(poolMinutes + creditMinutes, hosts.Sum(h => h.Legs.Sum(l => l.MinutesPaid)));
        Assert.Equal(creditMinutes, JournalStoreTests.Scalar(store, "SELECT COUNT(*) FROM credit_ledger WHERE kind = 'CallCharge'"));
    }
}
