using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Persistence;
using MeetingBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Storage.Tests;

/// <summary>The minute tick's batch: one commit for every leg minute due in a tick, refusals undone alone.</summary>
public class JournalBatchTests
{
    private const string T = Seeds.TenantId;

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Tick_PaysEveryDueLegInOneBatch_AndCutsOffExactlyAtThePoolSize(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var engine = new ConferenceEngine(new EngineOptions { AutoAnswerAfter = TimeSpan.Zero, MaxDialOutsPerUserPerMinute = 1000 }, clock,
            journal: new SqlEngineJournal(store.NewDialect()));
        engine.AddTenant(Seeds.Tenant(0m));
        var pool = engine.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD).MinutesAvailable;
        var m = engine.ScheduleMeeting(T, "adele", "load", clock.GetUtcNow(), clock.GetUtcNow().AddHours(2)).Value!;
        engine.JoinMeeting(T, "adele", m.Id, AudioMode.ComputerAudio);
        var legs = Enumerable.Range(0, 50).Select(i => engine.AddParticipantByPhone(T, "adele", m.Id, $"+1405555{i:D4}").Value!).ToList();

        clock.Advance(TimeSpan.FromMinutes(3)); // minutes 2 and 3 for 50 legs: 100 more, in one tick
        engine.Tick();

        var paid = legs.Sum(l => l.MinutesPaid);
        Assert.Equal(Math.Min(pool, 150), paid);
        Assert.Equal(paid, JournalStoreTests.Count(store, "leg_minutes"));
        if (pool < 150) Assert.Contains(legs, l => l.State == CallLegState.CutOff);
    }

    [Fact]
    public void Batch_DisposedWithoutComplete_StoresNothing_AndARefusalInsideKeepsTheRest()
    {
        using var store = TestStore.Create("sqlite"); // PostgreSQL commits each call (SqlDialect.BatchesTicks)
        var journal = new SqlEngineJournal(store.NewDialect());
        var month = new DateOnly(2026, 3, 1);

        using (journal.BeginBatch())
        {
            Assert.True(journal.TryTakePoolMinute(T, month, 5, new LegMinute("leg-a", 1, Seeds.Start, 0m)));
        }
        Assert.Equal(0, JournalStoreTests.Count(store, "leg_minutes"));

        using (var batch = journal.BeginBatch())
        {
            Assert.True(journal.TryTakePoolMinute(T, month, 1, new LegMinute("leg-a", 1, Seeds.Start, 0m)));
            Assert.False(journal.TryTakePoolMinute(T, month, 1, new LegMinute("leg-b", 1, Seeds.Start, 0m))); // pool of one: refused, undone alone
            Assert.False(journal.TryDebitCredits(T, new LegMinute("leg-c", 1, Seeds.Start, 0.24m), "no funds"));
            batch.Complete();
        }
        Assert.Equal(1, JournalStoreTests.Count(store, "leg_minutes"));
        Assert.Equal(1, JournalStoreTests.Scalar(store, "SELECT SUM(used) FROM pool_usage"));
    }
}
