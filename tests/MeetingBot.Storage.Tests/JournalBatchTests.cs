using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Reports;
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

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Batch_DisposedWithoutComplete_StoresNothing(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.NewDialect());

        using (journal.BeginBatch())
        {
            Assert.True(journal.TryTakePoolMinute(T, Month, 5, new LegMinute("leg-a", 1, Seeds.Start, 0m)));
            journal.RecordUsage([Usage("leg-a")]);
        }

        Assert.Equal(0, JournalStoreTests.Count(store, "leg_minutes"));
        Assert.Equal(0, JournalStoreTests.Count(store, "usage_records"));
        Assert.True(journal.TryTakePoolMinute(T, Month, 5, new LegMinute("leg-a", 1, Seeds.Start, 0m))); // the thread is out of the batch
        Assert.Equal(1, JournalStoreTests.Count(store, "leg_minutes"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Batch_ThePoolInTheStoreCannotCoverIt_StoresNothingOfTheBatch(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.NewDialect());
        Assert.True(journal.TryTakePoolMinute(T, Month, 2, new LegMinute("other-owner", 1, Seeds.Start, 0m))); // a stale owner took one of two

        using var batch = journal.BeginBatch();
        journal.RecordUsage([Usage("leg-z")]);
        Assert.True(journal.TryTakePoolMinute(T, Month, 2, new LegMinute("leg-a", 1, Seeds.Start, 0m))); // this owner's memory: two left
        Assert.True(journal.TryTakePoolMinute(T, Month, 2, new LegMinute("leg-b", 1, Seeds.Start, 0m)));

        var refused = await Assert.ThrowsAsync<JournalConflictException>(() => batch.CompleteAsync());
        Assert.Contains("cannot take 2 more minutes within 2", refused.Message);
        Assert.Equal(1, JournalStoreTests.Count(store, "leg_minutes"));
        Assert.Equal(0, JournalStoreTests.Count(store, "usage_records"));
        Assert.Equal(1, JournalStoreTests.Scalar(store, "SELECT used FROM pool_usage"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Batch_CreditMinutes_SpendOldestExpiryFirst_WriteOneLedgerLineEach_AndNeverChargeAStoredMinuteAgain(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.NewDialect());
        var older = Purchase(journal, 0.30m, expires: Seeds.Start.AddMonths(6));
        var newer = Purchase(journal, 1.00m, expires: Seeds.Start.AddMonths(12));
        Assert.True(journal.TryDebitCredits(T, new LegMinute("leg-a", 1, Seeds.Start, 0.24m), "leg-a minute 1")); // stored before the batch

        using (var batch = journal.BeginBatch())
        {
            Assert.True(journal.TryDebitCredits(T, new LegMinute("leg-a", 1, Seeds.Start, 0.24m), "leg-a minute 1")); // again: skipped
            Assert.True(journal.TryDebitCredits(T, new LegMinute("leg-a", 2, Seeds.Start.AddMinutes(1), 0.24m), "leg-a minute 2"));
            Assert.True(journal.TryDebitCredits(T, new LegMinute("leg-b", 1, Seeds.Start.AddMinutes(1), 0.24m), "leg-b minute 1"));
            await batch.CompleteAsync();
        }

        // 0.72 in all: the older purchase's 0.30 first, then 0.42 of the newer.
        Assert.Equal(0m, Remaining(store, older));
        Assert.Equal(0.58m, Remaining(store, newer));
        Assert.Equal(3, JournalStoreTests.Count(store, "leg_minutes"));
        var balances = JournalStoreTests.Money(store, "SELECT balance_after FROM credit_ledger WHERE kind = 'CallCharge' ORDER BY seq");
        Assert.Equal([1.06m, 0.82m, 0.58m], balances);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public async Task Batch_CreditsInTheStoreCannotCoverIt_StoresNothingOfTheBatch(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.NewDialect());
        var funds = Purchase(journal, 0.48m, expires: Seeds.Start.AddMonths(12));
        Assert.True(journal.TryDebitCredits(T, new LegMinute("other-owner", 1, Seeds.Start, 0.24m), "spent elsewhere"));

        using var batch = journal.BeginBatch();
        Assert.True(journal.TryDebitCredits(T, new LegMinute("leg-a", 1, Seeds.Start, 0.24m), "leg-a minute 1"));
        Assert.True(journal.TryDebitCredits(T, new LegMinute("leg-b", 1, Seeds.Start, 0.24m), "leg-b minute 1"));

        await Assert.ThrowsAsync<JournalConflictException>(() => batch.CompleteAsync());
        Assert.Equal(0.24m, Remaining(store, funds));
        Assert.Equal(1, JournalStoreTests.Count(store, "leg_minutes"));
        Assert.Equal(1, JournalStoreTests.Scalar(store, "SELECT COUNT(*) FROM credit_ledger WHERE kind = 'CallCharge'"));
    }

    private static readonly DateOnly Month = new(2026, 3, 1);

    private static Guid Purchase(SqlEngineJournal journal, decimal amount, DateTimeOffset expires)
    {
        var id = Guid.NewGuid();
        journal.RecordPurchase(T, new CreditPurchaseState(id, amount, amount, Seeds.Start.AddDays(-1), expires, false, 0m),
            new CreditTransaction(Seeds.Start.AddDays(-1), CreditTransactionKind.Purchase, amount, amount, "Funds added"));
        return id;
    }

    private static decimal Remaining(TestStore store, Guid purchase) =>
        JournalStoreTests.Money(store, $"SELECT remaining FROM credit_purchases WHERE id = '{purchase}'").Single();

    private static UsageRecord Usage(string leg) =>
        new(Guid.NewGuid(), leg, T, "adele", "Adele", "adele@contoso.com", UsageRecord.ConferenceDialOut, "+14255550100", "+14055550100", "US",
            Seeds.Start, 60, 0m, "USD", Capability.MCOMEETADD);
}
