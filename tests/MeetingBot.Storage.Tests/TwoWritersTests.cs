using System.Collections.Concurrent;
using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Persistence;
using MeetingBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Storage.Tests;

/// <summary>
/// Two owners of one tenant at once (two engines, two connection pools, one database), each believing from its own
/// memory that the whole pool and balance are there — what a stale owner during a failover would do. The database
/// alone must stop them at exactly the pool size and the balance: a dial-out's first minute is refused on its own,
/// a tick's batch is refused whole (<see cref="JournalConflictException"/>), and the owner then reloads the tenant
/// from the store and ticks again, as the tenant grain does.
/// </summary>
public class TwoWritersTests
{
    private const string T = Seeds.TenantId;
    private const int DialOutsPerHost = 50; // 100 first minutes fit the pool of 120: the owners first collide in a tick
    private const decimal Funds = 3.00m; // 150 US minutes at 0.02

    private sealed class Owner(TestStore store)
    {
        private readonly SqlEngineJournal _journal = new(store.NewDialect());
        public FakeTimeProvider Clock { get; } = new(Seeds.Start);
        public ConferenceEngine Engine { get; private set; } = null!;
        public List<CallLeg> Legs { get; } = [];
        public int Reloads { get; private set; }

        public Owner Load()
        {
            var options = new EngineOptions { AutoAnswerAfter = TimeSpan.Zero, MaxDialOutsPerUserPerMinute = 10_000, MaxDialOutsPerTenantPerMinute = 100_000 };
            Engine = new ConferenceEngine(options, Clock, journal: _journal);
            Engine.AddTenant(Seeds.Tenant(Funds)); // restores what the store holds
            return this;
        }

        /// <summary>Ticks until a tick is stored; a refused tick reloads the tenant from the store first.</summary>
        public void Tick()
        {
            while (true)
            {
                try
                {
                    Engine.Tick();
                    return;
                }
                catch (Exception ex) when (ex is JournalConflictException or System.Data.Common.DbException)
                {
                    // Two owners inserting the same leg minutes can also deadlock on PostgreSQL; either way the
                    // tick stored nothing, and the grain reloads on any failure to store a tick.
                    Reloads++;
                    Load();
                }
            }
        }
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task DialOuts_FromTwoHostsAtOnce_DrawThePoolAndBalanceExactlyOnce(string provider)
    {
        using var store = TestStore.Create(provider);
        var hosts = new[] { new Owner(store).Load(), new Owner(store).Load() }; // the second restores what the first seeded
        var poolSize = hosts[0].Engine.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD && r.Month.Month == 3).MinutesAvailable;

        using var dialedOut = new Barrier(hosts.Length); // both owners tick at once, each from its own memory
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
            dialedOut.SignalAndWait();
            for (var step = 0; step < 60; step++) // five minutes in steps of five seconds: a reloaded owner picks its legs up within the restore grace
            {
                h.Clock.Advance(TimeSpan.FromSeconds(5));
                h.Tick();
            }
        })));

        var poolMinutes = JournalStoreTests.Scalar(store, "SELECT COUNT(*) FROM leg_minutes WHERE capability = 'MCOMEETADD'");
        var creditMinutes = JournalStoreTests.Scalar(store, "SELECT COUNT(*) FROM leg_minutes WHERE capability = 'MCOPSTNPP'");
        Assert.Equal(2 * DialOutsPerHost, hosts.Sum(h => h.Legs.Count));
        Assert.Equal(poolSize, poolMinutes);
        Assert.Equal(poolSize, JournalStoreTests.Scalar(store, "SELECT used FROM pool_usage"));
        Assert.Equal((long)(Funds / 0.02m), creditMinutes);
        Assert.Equal(0, JournalStoreTests.Scalar(store, "SELECT COUNT(*) FROM credit_purchases WHERE remaining <> 0"));
        Assert.Equal(creditMinutes, JournalStoreTests.Scalar(store, "SELECT COUNT(*) FROM credit_ledger WHERE kind = 'CallCharge'"));
        // Every ledger line's balance is the one before it less its charge: no debit was applied twice or lost.
        var balances = JournalStoreTests.Money(store, "SELECT balance_after FROM credit_ledger ORDER BY seq");
        Assert.Equal(0m, balances[^1]);
        Assert.True(hosts.All(h => h.Reloads > 0), $"each owner's first tick must be refused (reloads: {string.Join(", ", hosts.Select(h => h.Reloads))})");
    }
}
