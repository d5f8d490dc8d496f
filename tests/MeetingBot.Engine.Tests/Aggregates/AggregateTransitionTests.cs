using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Persistence;

namespace MeetingBot.Engine.Tests.Aggregates;

/// <summary>The aggregates guard their own transitions: a step out of order is refused by the aggregate, not only by the engine.</summary>
public class AggregateTransitionTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static CallLeg Ringing() => CallLeg.Ring("leg-1", "contoso", "1", "1-p1", CallLegKind.CallMe, "adele", "adele",
        "+14056660187", "+14055550100", "US", At);

    [Fact]
    public void CallLeg_RingConnectPayEnd_RecordsEachStep()
    {
        var leg = Ringing();

        leg.Connect(At.AddSeconds(5));
        leg.RecordPaidMinute(Capability.MCOMEETADD, 0m, At.AddSeconds(5));
        leg.RecordPaidMinute(Capability.MCOPSTNPP, 0.02m, At.AddSeconds(65));
        leg.End(At.AddSeconds(90));

        Assert.Equal((CallLegState.Ended, 2, 0.02m), (leg.State, leg.MinutesPaid, leg.ChargeSoFar));
        Assert.Equal((At.AddSeconds(5), At.AddSeconds(90)), (leg.ConnectedAt, leg.EndedAt));
        Assert.Equal(At.AddSeconds(125), leg.PaidThrough);
        Assert.Equal(2, leg.Segments.Count);
    }

    [Fact]
    public void CallLeg_ConnectTwice_OrEndAfterCutOff_IsRefused()
    {
        var leg = Ringing();
        leg.Connect(At);
        leg.CutOff(At.AddMinutes(1));

        Assert.Throws<InvalidOperationException>(() => leg.Connect(At.AddMinutes(2)));
        Assert.Throws<InvalidOperationException>(() => leg.End(At.AddMinutes(2)));
        Assert.Equal((CallLegState.CutOff, At.AddMinutes(1)), (leg.State, leg.EndedAt));
    }

    [Fact]
    public void CallLeg_Orphan_KeepsTheFirstOrphanedInstant_AndRemindsAtEach()
    {
        var leg = Ringing();
        leg.Connect(At);

        leg.Orphan(At.AddMinutes(1));
        leg.Orphan(At.AddMinutes(3));

        Assert.True(leg.IsOrphaned);
        Assert.Equal((At.AddMinutes(1), At.AddMinutes(3)), (leg.OrphanedAt, leg.LastReminderAt));
    }

    [Fact]
    public void CallLeg_Restore_RebuildsMinutesPaidFromTheStoredSegments()
    {
        var stored = new LegState("leg-9", "contoso", "1", "1-p1", CallLegKind.CallMe, "adele", "adele", "+14056660187", "+14055550100", "US",
            CallLegState.Connected, At, At, null, MinutesPaid: 0,
            [new SegmentState(Capability.MCOMEETADD, At, 3, 0m), new SegmentState(Capability.MCOPSTNPP, At.AddMinutes(3), 2, 0.04m)]);

        var leg = CallLeg.Restore("contoso", stored);

        Assert.Equal((CallLegState.Connected, 5, 0.04m, Capability.MCOPSTNPP), (leg.State, leg.MinutesPaid, leg.ChargeSoFar, leg.CurrentFunding));
        Assert.Equal(At.AddMinutes(5), leg.PaidThrough);
    }

    [Fact]
    public void Meeting_JoinInClient_OnlyOrganizerBypasses_OthersWaitUntilAdmitted()
    {
        var meeting = new Meeting("1", "contoso", "adele", "Sync", At, At.AddHours(1), "https://x/meet/1");
        meeting.ChangeLobby(new LobbySettings(LobbyBypass.OnlyOrganizer, DialInCallersBypass: false));

        var (organizer, _) = meeting.JoinInClient("ADELE", "Adele Vance", AudioMode.ComputerAudio, At);
        var (megan, isNew) = meeting.JoinInClient("megan", "Megan Bowen", AudioMode.ComputerAudio, At);
        var (again, isNewAgain) = meeting.JoinInClient("megan", "Megan Bowen", AudioMode.NoAudio, At.AddMinutes(1));

        Assert.False(organizer.InLobby);
        Assert.True(isNew && megan.InLobby);
        Assert.Same(megan, again);
        Assert.False(isNewAgain);
        Assert.Equal(AudioMode.NoAudio, megan.AudioMode);
        Assert.Null(meeting.Admit(organizer.Id)); // not waiting
        Assert.Same(megan, meeting.Admit(megan.Id));
        Assert.False(megan.InLobby);
        Assert.Null(meeting.Admit(megan.Id)); // admitted once
    }

    [Fact]
    public void Meeting_Participant_PhoneEnds_InTheClientMeansNoAudio_LeavingTwiceIsRefused()
    {
        var meeting = new Meeting("1", "contoso", "adele", "Sync", At, At.AddHours(1), "https://x/meet/1");
        var (adele, _) = meeting.JoinInClient("adele", "Adele Vance", AudioMode.ComputerAudio, At);
        adele.UsePhone("leg-1");

        adele.PhoneEnded("leg-2"); // another leg: nothing changes
        Assert.Equal((AudioMode.PhoneAudio, "leg-1"), (adele.AudioMode, adele.PhoneLegId));
        adele.PhoneEnded("leg-1");
        Assert.Equal((AudioMode.NoAudio, (string?)null), (adele.AudioMode, adele.PhoneLegId));

        adele.LeaveClient();
        adele.Leave(At.AddMinutes(5));
        Assert.Throws<InvalidOperationException>(() => adele.Leave(At.AddMinutes(6)));
        Assert.Empty(meeting.Present);
    }

    [Fact]
    public void Meeting_EndForEveryone_Twice_IsRefused()
    {
        var meeting = new Meeting("1", "contoso", "adele", "Sync", At, At.AddHours(1), "https://x/meet/1");

        meeting.EndForEveryone(At.AddMinutes(10));

        Assert.Throws<InvalidOperationException>(() => meeting.EndForEveryone(At.AddMinutes(11)));
        Assert.Equal(At.AddMinutes(10), meeting.EndedAt);
    }

    [Fact]
    public void CreditAccount_DebitsOldestExpiryFirst_ThenForfeitsWhatIsLeftAtExpiry()
    {
        var account = new CreditAccount();
        var older = account.AddFunds(5m, At, isAutoRecharge: false);
        var newer = account.AddFunds(3m, At.AddDays(10), isAutoRecharge: false);

        Assert.True(account.TryDebit(6m, At.AddDays(20), "call"));
        Assert.False(account.TryDebit(2.01m, At.AddDays(20), "call")); // refused whole: 2.00 left

        Assert.Equal((0m, 2m), (older.Remaining, newer.Remaining));
        var forfeited = account.ExpireFunds(newer.ExpiresAt);
        Assert.Equal(newer, Assert.Single(forfeited).Purchase);
        Assert.Equal((0m, 2m, 0m), (newer.Remaining, newer.Forfeited, account.Balance));
    }
}
