using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Reports;
using MeetingBot.Storage.Tests.Support;

namespace MeetingBot.Storage.Tests;

/// <summary>The journal's contract, against every provider.</summary>
public class JournalStoreTests
{
    private const string T = Seeds.TenantId;
    private static readonly DateTimeOffset At = Seeds.Start;
    private static readonly DateOnly March = new(2026, 3, 1);

    private static LegMinute Minute(string leg, int index, decimal charge = 0m) => new(leg, index, At.AddMinutes(index - 1), charge);

    private static CreditPurchaseState Purchase(decimal amount, DateTimeOffset purchasedAt) =>
        new(Guid.NewGuid(), amount, amount, purchasedAt, purchasedAt.AddYears(1), false, 0m);

    private static void Buy(SqlEngineJournal journal, CreditPurchaseState p) =>
        journal.RecordPurchase(T, p, new CreditTransaction(p.PurchasedAt, CreditTransactionKind.Purchase, p.Amount, p.Amount, "Funds added"));

    private static LegState Leg(string id, CallLegState state, int minutesPaid = 0) =>
        new(id, T, "1", "1-p1", CallLegKind.CallMe, "adele", "adele", "+14056660187", "+14055550100", "US", state, At,
            state == CallLegState.Ringing ? null : At, null, minutesPaid, []);

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Load_UnknownTenant_ReturnsNull(string provider)
    {
        using var store = TestStore.Create(provider);
        Assert.Null(new SqlEngineJournal(store.Dialect).Load(T));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Load_AfterEveryKindOfRecord_ReturnsWhatWasStored(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);
        var user = new UserState("adele", [LicenseSku.Microsoft365BusinessPremium, LicenseSku.AudioConferencingMonthly], DialOutPermission.InSameCountryOrRegion, "01234");
        var meeting = new MeetingState("7", T, "adele", "Budget", At, At.AddHours(1), "123456789", LobbyBypass.OnlyOrganizer, true, At.AddMinutes(30));
        var purchase = Purchase(25.50m, At);
        var usage = new UsageRecord(Guid.NewGuid(), "leg-1", T, "adele", "Adele Vance", "adele@contoso.example", UsageRecord.ConferenceDialOut,
            "+14056660187", "+14055550100", "US", At, 125, 0.0625m, "USD", Capability.MCOPSTNPP);

        journal.RecordUser(T, user);
        journal.RecordUser(T, user with { OrganizerPin = "99999" }); // upsert: the newest wins
        journal.RecordMeeting(meeting);
        Buy(journal, purchase);
        journal.RecordAutoRecharge(T, new AutoRechargeSettings(true, 5.00m, 20.00m));
        journal.RecordUsage([usage]);
        journal.RecordLeg(Leg("leg-ended", CallLegState.Ringing) with { State = CallLegState.Ended, EndedAt = At.AddMinutes(2) });

        var loaded = journal.Load(T)!;

        Assert.Equal(user with { OrganizerPin = "99999" }, Assert.Single(loaded.Users), UserComparer.Instance);
        Assert.Equal(meeting, Assert.Single(loaded.Meetings));
        Assert.Equal(purchase, Assert.Single(loaded.Purchases));
        Assert.Equal((CreditTransactionKind.Purchase, 25.50m, 25.50m), Assert.Single(loaded.Ledger) is var l ? (l.Kind, l.Amount, l.BalanceAfter) : default);
        Assert.Equal(new AutoRechargeSettings(true, 5.00m, 20.00m), loaded.AutoRecharge);
        Assert.Equal(usage, Assert.Single(loaded.Usage));
        Assert.Empty(loaded.LiveLegs); // an ended leg is history, not something to close
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void TryTakePoolMinute_AtPoolSize_RefusesAndLeavesNoMinute(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);
        journal.RecordUser(T, new UserState("adele", [], DialOutPermission.AnyDestination, null));

        var taken = Enumerable.Range(1, 5).Select(i => journal.TryTakePoolMinute(T, March, 3, Minute("leg-1", i))).ToList();

        Assert.Equal([true, true, true, false, false], taken);
        Assert.Equal(new PoolUsage(March, Capability.MCOMEETADD, 3), Assert.Single(journal.Load(T)!.PoolUsage));
        Assert.Equal(3, Count(store, "leg_minutes"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void TryTakePoolMinute_SameMinuteTwice_ChargesOnceAndSaysPaid(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);

        Assert.True(journal.TryTakePoolMinute(T, March, 10, Minute("leg-1", 1)));
        Assert.True(journal.TryTakePoolMinute(T, March, 10, Minute("leg-1", 1)));
        Assert.True(journal.TryTakePoolMinute(T, March, 10, Minute("leg-1", 2)));

        Assert.Equal(2, Scalar(store, "SELECT used FROM pool_usage"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void TryDebitCredits_TwoPurchases_SpendsTheOldestExpiryFirst(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);
        var newer = Purchase(1.00m, At.AddDays(-10));
        var older = Purchase(0.05m, At.AddDays(-300));
        Buy(journal, newer);
        Buy(journal, older);

        Assert.True(journal.TryDebitCredits(T, Minute("leg-1", 1, 0.03m), "m1"));
        Assert.True(journal.TryDebitCredits(T, Minute("leg-1", 2, 0.03m), "m2")); // 0.02 from the older, 0.01 from the newer

        var purchases = journal.Load(T)!.Purchases.ToDictionary(p => p.Id, p => p.Remaining);
        Assert.Equal((0m, 0.99m), (purchases[older.Id], purchases[newer.Id]));
        var charges = journal.Load(T)!.Ledger.Where(t => t.Kind == CreditTransactionKind.CallCharge).Select(t => (t.Amount, t.BalanceAfter));
        Assert.Equal([(-0.03m, 1.02m), (-0.03m, 0.99m)], charges);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void TryDebitCredits_BalanceShort_RefusesWholeAndSpendsNothing(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);
        Buy(journal, Purchase(0.01m, At.AddDays(-2)));
        Buy(journal, Purchase(0.01m, At.AddDays(-1)));

        Assert.False(journal.TryDebitCredits(T, Minute("leg-1", 1, 0.03m), "m1"));

        Assert.All(journal.Load(T)!.Purchases, p => Assert.Equal(0.01m, p.Remaining));
        Assert.Equal(0, Count(store, "leg_minutes"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void TryDebitCredits_ExpiredPurchase_IsNotSpent(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);
        Buy(journal, Purchase(5.00m, At.AddYears(-1).AddDays(-1))); // expired yesterday, not yet forfeited

        Assert.False(journal.TryDebitCredits(T, Minute("leg-1", 1, 0.02m), "m1"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void TryDebitCredits_SameMinuteTwice_DebitsOnce(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);
        Buy(journal, Purchase(1.00m, At));

        Assert.True(journal.TryDebitCredits(T, Minute("leg-1", 1, 0.02m), "m1"));
        Assert.True(journal.TryDebitCredits(T, Minute("leg-1", 1, 0.02m), "m1 again"));

        Assert.Equal(0.98m, Assert.Single(journal.Load(T)!.Purchases).Remaining);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void RecordForfeiture_TwiceForOnePurchase_ForfeitsWhatIsLeftOnce(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);
        var p = Purchase(2.00m, At.AddYears(-1));
        Buy(journal, p);
        journal.TryDebitCredits(T, new LegMinute("leg-1", 1, At.AddYears(-1).AddDays(1), 0.50m), "m1");
        var tx = new CreditTransaction(p.ExpiresAt, CreditTransactionKind.Forfeiture, -2.00m, 0m, "forfeited"); // a stale in-memory amount

        journal.RecordForfeiture(T, p.Id, tx);
        journal.RecordForfeiture(T, p.Id, tx);

        var loaded = journal.Load(T)!;
        Assert.Equal((0m, 1.50m), (loaded.Purchases[0].Remaining, loaded.Purchases[0].Forfeited));
        Assert.Equal(-1.50m, Assert.Single(loaded.Ledger, l => l.Kind == CreditTransactionKind.Forfeiture).Amount);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void RecordUsage_SameRecordTwice_StoresItOnce(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);
        journal.RecordUser(T, new UserState("adele", [], DialOutPermission.AnyDestination, null));
        var record = new UsageRecord(Guid.NewGuid(), "leg-1", T, "adele", "Adele", "adele@x", UsageRecord.ConferenceDialOut, "+1", "+2", "US", At, 60, 0m, "USD", Capability.MCOMEETADD);

        journal.RecordUsage([record]);
        journal.RecordUsage([record, record with { Id = Guid.NewGuid() }]);

        Assert.Equal(2, journal.Load(T)!.Usage.Count);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Load_LiveLegWhoseRowLags_RebuildsMinutesAndSegmentsFromLegMinutes(string provider)
    {
        using var store = TestStore.Create(provider);
        var journal = new SqlEngineJournal(store.Dialect);
        Buy(journal, Purchase(1.00m, At.AddDays(-1)));
        journal.RecordLeg(Leg("leg-1", CallLegState.Ringing)); // the host died before it rewrote the row on connect
        journal.TryTakePoolMinute(T, March, 2, Minute("leg-1", 1));
        journal.TryTakePoolMinute(T, March, 2, Minute("leg-1", 2));
        journal.TryDebitCredits(T, Minute("leg-1", 3, 0.02m), "m3");
        journal.TryDebitCredits(T, Minute("leg-1", 4, 0.02m), "m4");
        journal.RecordLeg(Leg("leg-2", CallLegState.Ringing)); // never answered

        var live = journal.Load(T)!.LiveLegs.ToDictionary(l => l.Id);

        var rebuilt = live["leg-1"];
        Assert.Equal((CallLegState.Connected, At, 4), (rebuilt.State, rebuilt.ConnectedAt, rebuilt.MinutesPaid));
        Assert.Equal([new SegmentState(Capability.MCOMEETADD, At, 2, 0m), new SegmentState(Capability.MCOPSTNPP, At.AddMinutes(2), 2, 0.04m)], rebuilt.Segments);
        Assert.Equal((CallLegState.Ringing, 0), (live["leg-2"].State, live["leg-2"].MinutesPaid));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Migrate_RunTwice_AppliesEachVersionOnce(string provider)
    {
        using var store = TestStore.Create(provider);

        var first = SchemaMigrator.Migrate(store.Dialect);
        var second = SchemaMigrator.Migrate(store.NewDialect());

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), first);
        Assert.Empty(second);
        Assert.Equal(SchemaMigrator.Scripts.Count, Count(store, "schema_version"));
    }

    internal static long Count(TestStore store, string table) => Scalar(store, $"SELECT COUNT(*) FROM {table}");

    internal static void Execute(TestStore store, string sql)
    {
        using var c = store.Dialect.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    internal static long Scalar(TestStore store, string sql)
    {
        using var c = store.Dialect.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The first column of every row, read as money the way the store keeps it.</summary>
    internal static List<decimal> Money(TestStore store, string sql) => Column(store, sql, store.Dialect.ReadMoney);

    /// <summary>The first column of every row, read as an instant the way the store keeps it.</summary>
    internal static List<DateTimeOffset> Instants(TestStore store, string sql) => Column(store, sql, store.Dialect.ReadInstant);

    private static List<T> Column<T>(TestStore store, string sql, Func<System.Data.Common.DbDataReader, int, T> read)
    {
        using var c = store.Dialect.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        using var reader = cmd.ExecuteReader();
        var values = new List<T>();
        while (reader.Read()) values.Add(read(reader, 0));
        return values;
    }

    /// <summary>Records hold lists, which compare by reference; users are equal when their fields and licenses are.</summary>
    private sealed class UserComparer : IEqualityComparer<UserState>
    {
        public static UserComparer Instance { get; } = new();
        public bool Equals(UserState? x, UserState? y) =>
            x is not null && y is not null && (x.Id, x.DialOutPermission, x.OrganizerPin) == (y.Id, y.DialOutPermission, y.OrganizerPin) && x.Licenses.SequenceEqual(y.Licenses);
        public int GetHashCode(UserState obj) => obj.Id.GetHashCode(StringComparison.Ordinal);
    }
}
