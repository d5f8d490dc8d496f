using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Storage.Tests;

/// <summary>A real engine on the SQL journal, "crashed" (dropped without ending its calls) and started again on the same database.</summary>
public class EngineRestartTests
{
    private const string T = Seeds.TenantId;

    private static ConferenceEngine Start(TestStore store, FakeTimeProvider clock, decimal initialFunds = 0m)
    {
        var engine = new ConferenceEngine(new EngineOptions { AutoAnswerAfter = TimeSpan.Zero }, clock, journal: new SqlEngineJournal(store.NewDialect()));
        engine.AddTenant(Seeds.Tenant(initialFunds));
        return engine;
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_WithAPoolCallLive_ClosesItAtItsLastPaidMinuteAndBillsOnce(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var before = Start(store, clock);
        var meeting = before.ScheduleMeeting(T, "adele", "Budget", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Value!;
        var leg = before.CallMe(T, "adele", meeting.Id, "4055550100").Value!;
        clock.Advance(TimeSpan.FromSeconds(150)); // three minutes begun, so three paid
        before.Tick();

        clock.Advance(TimeSpan.FromHours(1)); // the host was down for an hour
        var after = Start(store, clock);
        var again = Start(store, clock); // and restarted once more: nothing may be billed twice

        var usage = Assert.Single(again.AllUsage(T));
        Assert.Equal((leg.Id, 180, Capability.MCOMEETADD), (usage.CallId, usage.DurationSeconds, usage.Capability));
        Assert.Equal(CallLegState.Ended, after.GetLeg(T, leg.Id).Value!.State);
        Assert.Equal(3, again.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD && r.Month.Month == 3).MinutesUsed);
        Assert.Equal(meeting.Subject, again.GetMeeting(T, meeting.Id).Value!.Subject);
        Assert.Equal((1, 3), (JournalStoreTests.Count(store, "usage_records"), JournalStoreTests.Count(store, "leg_minutes")));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_WithinThePaidMinute_CallGoesOnAndTheNewOwnerPaysEachNextMinuteOnce(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var before = Start(store, clock);
        var meeting = before.ScheduleMeeting(T, "adele", "Budget", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Value!;
        var leg = before.CallMe(T, "adele", meeting.Id, "4055550100").Value!;
        clock.Advance(TimeSpan.FromSeconds(150)); // three minutes begun, so three paid (through 180 s)
        before.Tick();

        clock.Advance(TimeSpan.FromSeconds(10)); // the owner died; another took over 10 s later, inside the paid minute
        var after = Start(store, clock);
        var restored = after.GetLeg(T, leg.Id).Value!;
        Assert.Equal((CallLegState.Connected, 3), (restored.State, restored.MinutesPaid));
        var phone = Assert.Single(after.GetMeeting(T, meeting.Id).Value!.Present);
        Assert.Equal((leg.Id, "adele"), (phone.PhoneLegId, phone.UserId));

        clock.Advance(TimeSpan.FromSeconds(100)); // 260 s: the fourth and fifth minutes begin on the new owner
        after.Tick();
        Assert.True(after.HangUp(T, "adele", leg.Id).IsSuccess);

        var usage = Assert.Single(after.AllUsage(T));
        Assert.Equal((leg.Id, 260, 5), (usage.CallId, usage.DurationSeconds, after.GetLeg(T, leg.Id).Value!.MinutesPaid));
        Assert.Equal((1, 5), (JournalStoreTests.Count(store, "usage_records"), JournalStoreTests.Count(store, "leg_minutes")));
        Assert.Equal(5, Start(store, clock).GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD && r.Month.Month == 3).MinutesUsed);
    }

    [Theory]
    [InlineData(9, CallLegState.Connected, 4)] // inside the restore grace (10 s): minute 4 is paid from 180 s, where minute 3 ended
    [InlineData(11, CallLegState.Ended, 3)]    // past it: the crash rule ends the call at 180 s
    public void Restart_JustAfterThePaidMinuteRanOut_GoesOnOnlyWithinTheRestoreGrace(int secondsLate, CallLegState expected, int minutesPaid)
    {
        using var store = TestStore.Create("sqlite");
        var clock = new FakeTimeProvider(Seeds.Start);
        var before = Start(store, clock);
        var meeting = before.ScheduleMeeting(T, "adele", "Budget", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Value!;
        var leg = before.CallMe(T, "adele", meeting.Id, "4055550100").Value!;
        clock.Advance(TimeSpan.FromSeconds(150));
        before.Tick(); // paid through 180 s

        clock.Advance(TimeSpan.FromSeconds(30 + secondsLate));
        var after = Start(store, clock);
        after.Tick();

        var restored = after.GetLeg(T, leg.Id).Value!;
        Assert.Equal((expected, minutesPaid), (restored.State, restored.MinutesPaid));
        if (expected == CallLegState.Ended) Assert.Equal(Seeds.Start.AddSeconds(180), restored.EndedAt);
        Assert.Equal(minutesPaid, JournalStoreTests.Count(store, "leg_minutes"));
        Assert.Equal(Enumerable.Range(0, minutesPaid).Select(m => Seeds.Start.AddMinutes(m)).ToList(),
            JournalStoreTests.Instants(store, "SELECT start_at FROM leg_minutes ORDER BY minute_index"));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_WithACreditsCallLive_KeepsTheBalanceItPaidAndNoMore(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var before = Start(store, clock, initialFunds: 10.00m);
        var meeting = before.ScheduleMeeting(T, "lee", "Istanbul", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Value!;
        before.CallMe(T, "lee", meeting.Id, "+90 212 555 1234"); // Turkey, outside Zone A: credits at 0.24 a minute
        clock.Advance(TimeSpan.FromSeconds(130));
        before.Tick();

        clock.Advance(TimeSpan.FromMinutes(30));
        var after = Start(store, clock, initialFunds: 10.00m); // the seed's funds are not bought again on restart

        Assert.Equal(10.00m - 3 * 0.24m, after.GetCreditBalance(T).Value);
        var usage = Assert.Single(after.AllUsage(T));
        Assert.Equal((180, 0.72m), (usage.DurationSeconds, usage.Charge));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_AfterAdminChanges_KeepsThem(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var before = Start(store, clock);
        before.SetDialOutPermission(T, "nestor", "adele", DialOutPermission.InSameCountryOrRegion);
        before.UnassignLicense(T, "nestor", "lee", LicenseSku.AudioConferencingMonthly);
        before.AddFunds(T, "nestor", 42.00m);
        before.SetAutoRecharge(T, "nestor", true, 5.00m, 20.00m);
        before.SetDirectoryId(T, "nestor", "adele", "6F2D0C4E-8A1B-4C3D-9E5F-0A1B2C3D4E5F");

        var after = Start(store, clock);

        Assert.Equal(DialOutPermission.InSameCountryOrRegion, after.GetUser(T, "adele").Value!.DialOutPermission);
        Assert.DoesNotContain(LicenseSku.AudioConferencingMonthly, after.GetUser(T, "lee").Value!.Licenses);
        Assert.Equal(42.00m, after.GetCreditBalance(T).Value);
        Assert.Equal("adele", after.FindByDirectoryId(T, "6f2d0c4e-8a1b-4c3d-9e5f-0a1b2c3d4e5f").Value!.Id);
        Assert.Equal((true, 5.00m, 20.00m), after.GetTenant(T).Value!.Credits.AutoRecharge is var a ? (a.Enabled, a.Threshold, a.Amount) : default);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_KeepsLicenseDates_SoPastMonthsKeepTheirPoolSize(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start); // March: adele and lee → 120
        var before = Start(store, clock);
        clock.SetUtcNow(new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.Zero));
        before.UnassignLicense(T, "nestor", "lee", LicenseSku.AudioConferencingMonthly).Unwrap();
        clock.SetUtcNow(new DateTimeOffset(2026, 5, 2, 9, 0, 0, TimeSpan.Zero));

        var after = Start(store, clock);
        var pools = after.GetMinutePoolsReport(T, "nestor", 3).Unwrap().Where(r => r.Capability == Capability.MCOMEETADD).ToDictionary(r => r.Month.Month, r => r.MinutesAvailable);

        Assert.Equal((0, 120, 120, 60), (pools[2], pools[3], pools[4], pools[5]));
        var span = Assert.Single(after.GetUser(T, "lee").Value!.LicenseHistory, s => s.Sku == LicenseSku.AudioConferencingMonthly);
        Assert.Equal((Seeds.Start, new DateTimeOffset(2026, 4, 15, 9, 0, 0, TimeSpan.Zero)), (span.From, span.To));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_OnRowsStoredBeforeLicenseDates_CountsTheirLicensesAsHeldAllAlong(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        Start(store, clock);
        JournalStoreTests.Execute(store, "UPDATE tenant_users SET license_history = NULL");

        var after = Start(store, clock);

        var february = after.GetMinutePoolsReport(T, "nestor", 1).Unwrap().Single(r => r.Capability == Capability.MCOMEETADD && r.Month.Month == 2);
        Assert.Equal(120, february.MinutesAvailable);
        Assert.Contains(LicenseSku.AudioConferencingMonthly, after.GetUser(T, "lee").Value!.Licenses);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void AMeetingPastItsRetention_IsDeletedWithItsEndedLegs_AndStaysGoneAfterARestart(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var before = Start(store, clock);
        var old = before.ScheduleMeeting(T, "adele", "Old", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Unwrap();
        var leg = before.CallMe(T, "adele", old.Id, "4055550100").Unwrap();
        clock.Advance(TimeSpan.FromSeconds(90));
        before.Tick();
        before.HangUp(T, "adele", leg.Id).Unwrap();
        before.EndMeeting(T, "adele", old.Id).Unwrap();
        clock.Advance(TimeSpan.FromDays(61));
        var recent = before.ScheduleMeeting(T, "adele", "Recent", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Unwrap();

        before.Tick();

        Assert.Equal((1L, 0L, 0L, 1L), (JournalStoreTests.Count(store, "meetings"), JournalStoreTests.Count(store, "legs"),
            JournalStoreTests.Count(store, "leg_minutes"), JournalStoreTests.Count(store, "usage_records")));
        var after = Start(store, clock);
        Assert.Equal(EngineError.UnknownMeeting, after.GetMeeting(T, old.Id).Error);
        Assert.Equal("Recent", after.GetMeeting(T, recent.Id).Unwrap().Subject);
        Assert.Equal(leg.Id, Assert.Single(after.AllUsage(T)).CallId);
    }
}
