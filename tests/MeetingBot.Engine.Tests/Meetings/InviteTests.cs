using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Seeding;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Meetings;

public class InviteTests
{
    private const string T = EngineFixture.TenantId;

    [Fact]
    public void ScheduleMeeting_OrganizerWithoutAudioConferencing_InviteHasJoinLinkOnly()
    {
        var f = new EngineFixture();

        var meeting = f.Schedule("megan");

        Assert.Null(meeting.Invite.DialIn);
        Assert.Null(meeting.Invite.MeetingOptionsUrl);
        Assert.Null(meeting.ConferenceId);
        Assert.StartsWith("http://localhost:3978/meet/", meeting.Invite.JoinUrl);
    }

    [Fact]
    public void ScheduleMeeting_OrganizerWithAudioConferencing_InviteHasTollNumberAndConferenceId()
    {
        var f = new EngineFixture();

        var invite = f.Schedule("adele").Invite;

        Assert.NotNull(invite.DialIn);
        Assert.Equal("+14056660187", invite.DialIn.TollNumber);
        Assert.Matches("^[1-9][0-9]{8}$", invite.DialIn.ConferenceId);
        Assert.Null(invite.DialIn.TollFreeNumber); // toll-free needs a Communications Credits license
        Assert.Contains("/dialin/", invite.DialIn.FindLocalNumberUrl);
        Assert.Contains("/pin/adele", invite.DialIn.ResetPinUrl);
        Assert.EndsWith("/options", invite.MeetingOptionsUrl);
    }

    [Theory]
    [InlineData(5.00, false, "+18445550187")]
    [InlineData(0, true, "+18445550187")]  // auto-recharge would pay the first minute
    [InlineData(0, false, null)]            // a toll-free call could not be paid: the number is not offered
    [InlineData(0.02, false, null)]         // less than one toll-free minute
    public void ScheduleMeeting_OrganizerWithCredits_InviteHasTollFreeNumberOnlyWhenCreditsCanPayIt(double funds, bool autoRecharge, string? expected)
    {
        var f = new EngineFixture(s =>
        {
            s.Credits.InitialFunds = (decimal)funds;
            s.Credits.AutoRecharge = new AutoRechargeSeed { Enabled = autoRecharge, Threshold = 1.00m, Amount = 10.00m };
        });

        Assert.Equal(expected, f.Schedule("lee").Invite.DialIn!.TollFreeNumber);
    }

    [Fact]
    public void LicenseAssignedAfterScheduling_AppearsOnlyAfterInviteRefresh()
    {
        var f = new EngineFixture();
        var meeting = f.Schedule("megan");
        f.Engine.AssignLicense(T, "nestor", "megan", LicenseSku.AudioConferencingMonthly).Unwrap();

        Assert.Null(f.Engine.GetMeeting(T, meeting.Id).Value!.Invite.DialIn);
        var refreshed = f.Engine.RefreshInvite(T, "megan", meeting.Id).Unwrap();
        Assert.NotNull(refreshed.Invite.DialIn);
    }

    [Fact]
    public void LicenseRemovedAfterScheduling_DialOutIsRefusedAtCallTime()
    {
        var f = new EngineFixture();
        var meeting = f.Schedule("adele");
        f.Engine.UnassignLicense(T, "nestor", "adele", LicenseSku.AudioConferencingMonthly).Unwrap();

        var result = f.Engine.CallMe(T, "adele", meeting.Id, "4055550100");

        Assert.Equal(EngineError.NoAudioConferencing, result.Error);
        Assert.Equal(EngineMessages.OrganizerHasNoDialIn, result.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void ScheduleMeeting_EmptySubject_IsRefused(string subject)
    {
        var f = new EngineFixture();

        var result = f.Engine.ScheduleMeeting(T, "adele", subject, EngineFixture.Start, EngineFixture.Start.AddHours(1));

        Assert.Equal(EngineError.InvalidSubject, result.Error);
    }

    [Fact]
    public void ScheduleMeeting_EndBeforeStart_IsRefused()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.InvalidSchedule, f.Engine.ScheduleMeeting(T, "adele", "x", EngineFixture.Start, EngineFixture.Start.AddMinutes(-1)).Error);
    }

    [Fact]
    public void ScheduleMeeting_UnknownOrganizer_IsRefused()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.UnknownUser, f.Engine.ScheduleMeeting(T, "ghost", "x", EngineFixture.Start, EngineFixture.Start.AddHours(1)).Error);
        Assert.Equal(EngineError.UnknownTenant, f.Engine.ScheduleMeeting("fabrikam", "adele", "x", EngineFixture.Start, EngineFixture.Start.AddHours(1)).Error);
    }

    [Fact]
    public void ConferenceIds_UnderConcurrentScheduling_AreUniqueAmongLiveMeetings()
    {
        var f = new EngineFixture(options: o => o.ConferenceIdDigits = 6);
        var ids = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            ids.Add(f.Engine.ScheduleMeeting(T, i % 2 == 0 ? "adele" : "lee", $"m{i}", EngineFixture.Start, EngineFixture.Start.AddHours(1)).Unwrap().ConferenceId!));

        Assert.Equal(2000, ids.Count);
        Assert.Equal(2000, ids.Distinct().Count());
    }

    [Fact]
    public void OrganizerPin_SetRejectsNonDigits_ResetGivesFiveDigits()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.InvalidPin, f.Engine.SetOrganizerPin(T, "adele", "12a4").Error);
        Assert.Equal(EngineError.InvalidPin, f.Engine.SetOrganizerPin(T, "adele", "123").Error);
        Assert.Equal("24680", f.Engine.SetOrganizerPin(T, "adele", "24680").Value);
        Assert.Matches("^[0-9]{5}$", f.Engine.ResetOrganizerPin(T, "adele").Value!);
    }

    [Fact]
    public void EndMeeting_ByNonOrganizer_IsRefused_AndTwiceSaysEnded()
    {
        var f = new EngineFixture();
        var meeting = f.Schedule("adele");

        Assert.Equal(EngineError.NotMeetingOrganizer, f.Engine.EndMeeting(T, "megan", meeting.Id).Error);
        f.Engine.EndMeeting(T, "adele", meeting.Id).Unwrap();
        Assert.Equal(EngineError.MeetingEnded, f.Engine.EndMeeting(T, "adele", meeting.Id).Error);
        Assert.Equal(EngineError.MeetingEnded, f.Engine.JoinMeeting(T, "megan", meeting.Id, AudioMode.ComputerAudio).Error);
    }
}
