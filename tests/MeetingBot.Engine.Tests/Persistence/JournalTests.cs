using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Reports;
using MeetingBot.Engine.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace MeetingBot.Engine.Tests.Persistence;

public class JournalTests
{
    private const string T = EngineFixture.TenantId;

    private static ConferenceEngine EngineWith(IEngineJournal journal, FakeTimeProvider clock)
    {
        var engine = new ConferenceEngine(new EngineOptions { AutoAnswerAfter = TimeSpan.Zero }, clock, journal: journal);
        engine.AddTenant(EngineFixture.DefaultSeed());
        return engine;
    }

    [Fact]
    public void PoolMinute_RefusedByTheStore_IsNotTakenInMemory_AndCallIsCutOff()
    {
        var journal = new Mock<IEngineJournal>();
        journal.Setup(j => j.BeginBatch()).Returns(NoJournalBatch.Instance);
        journal.Setup(j => j.TryTakePoolMinute(T, It.IsAny<DateOnly>(), 120, It.Is<LegMinute>(m => m.MinuteIndex <= 3))).Returns(true);
        journal.Setup(j => j.TryTakePoolMinute(T, It.IsAny<DateOnly>(), 120, It.Is<LegMinute>(m => m.MinuteIndex > 3))).Returns(false); // another host took the rest
        var clock = new FakeTimeProvider(EngineFixture.Start);
        var engine = EngineWith(journal.Object, clock);
        var m = engine.ScheduleMeeting(T, "adele", "s", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Unwrap();
        var leg = engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();

        clock.Advance(TimeSpan.FromMinutes(10));
        engine.Tick();

        Assert.Equal(CallLegState.CutOff, leg.State);
        Assert.Equal(3, leg.MinutesPaid);
        Assert.Equal(3, engine.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD).MinutesUsed);
        journal.Verify(j => j.RecordUsage(It.Is<IReadOnlyList<UsageRecord>>(r => r.Count == 1 && r[0].DurationSeconds == 180)), Times.Once);
    }

    [Fact]
    public void Restart_WithALegLiveInTheStore_ClosesItAtItsLastPaidMinute()
    {
        var journal = new Mock<IEngineJournal>();
        var start = EngineFixture.Start;
        var live = new LegState("leg-abc", T, "7", "7-p1", CallLegKind.CallMe, "adele", "adele", "+14056660187", "+14055550100", "US",
            CallLegState.Connected, start, start, null, 4, [new SegmentState(Capability.MCOMEETADD, start, 4, 0m)]);
        journal.Setup(j => j.Load(T)).Returns(new TenantJournal(
            Users: [], Meetings: [new MeetingState("7", T, "adele", "s", start, start.AddHours(1), "123456789", MeetingBot.Engine.Meetings.LobbyBypass.Everyone, false, null)],
            LiveLegs: [live], Purchases: [], Ledger: [], AutoRecharge: null,
            PoolUsage: [new PoolUsage(new DateOnly(2026, 3, 1), Capability.MCOMEETADD, 4)], Usage: []));
        var clock = new FakeTimeProvider(start.AddHours(2)); // restarted long after the crash

        var engine = EngineWith(journal.Object, clock);

        var usage = Assert.Single(engine.AllUsage(T));
        Assert.Equal((240, "leg-abc"), (usage.DurationSeconds, usage.CallId));
        Assert.Equal(4, engine.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD).MinutesUsed);
        Assert.Equal(CallLegState.Ended, engine.GetLeg(T, "leg-abc").Value!.State);
        var next = engine.ScheduleMeeting(T, "adele", "after restart", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Unwrap();
        Assert.Equal("8", next.Id);
    }

    [Fact]
    public void StoreRefusingAWrite_LeavesMemoryUnchanged()
    {
        var journal = new Mock<IEngineJournal>();
        var clock = new FakeTimeProvider(EngineFixture.Start);
        var engine = EngineWith(journal.Object, clock);
        journal.Setup(j => j.RecordUser(T, It.IsAny<UserState>())).Throws(new InvalidOperationException("database is locked"));
        journal.Setup(j => j.RecordPurchase(T, It.IsAny<CreditPurchaseState>(), It.IsAny<MeetingBot.Engine.Billing.CreditTransaction>())).Throws(new InvalidOperationException("database is locked"));
        journal.Setup(j => j.RecordMeeting(It.IsAny<MeetingState>())).Throws(new InvalidOperationException("database is locked"));

        Assert.Throws<InvalidOperationException>(() => engine.AssignLicense(T, "nestor", "megan", LicenseSku.AudioConferencingMonthly));
        Assert.Throws<InvalidOperationException>(() => engine.SetDialOutPermission(T, "nestor", "adele", MeetingBot.Engine.Licensing.DialOutPermission.DontAllow));
        Assert.Throws<InvalidOperationException>(() => engine.AddFunds(T, "nestor", 5m));
        Assert.Throws<InvalidOperationException>(() => engine.ScheduleMeeting(T, "adele", "s", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)));

        Assert.DoesNotContain(LicenseSku.AudioConferencingMonthly, engine.GetUser(T, "megan").Value!.Licenses);
        Assert.Equal(MeetingBot.Engine.Licensing.DialOutPermission.AnyDestination, engine.GetUser(T, "adele").Value!.DialOutPermission);
        Assert.Equal(0m, engine.GetCreditBalance(T).Value);
        Assert.Empty(engine.ListMeetings(T, "adele"));
        Assert.Equal(120, engine.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD).MinutesAvailable);
    }
}
