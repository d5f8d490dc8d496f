using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Calling;

public class DialOutAuthorizationTests
{
    private const string T = EngineFixture.TenantId;

    [Theory]
    [InlineData("4055550100", "+14055550100")]
    [InlineData("(405) 555-0100", "+14055550100")]
    [InlineData("+44 20 7946 0000", "+442079460000")]
    public void CallMe_NumberIsNormalizedToE164WithOrganizersCountry(string typed, string e164)
    {
        var f = new EngineFixture();
        var m = f.Schedule();

        var leg = f.Engine.CallMe(T, "adele", m.Id, typed).Unwrap();

        Assert.Equal(e164, leg.ToNumber);
        Assert.Equal("+14056660187", leg.FromNumber);
    }

    [Theory]
    [InlineData("12", EngineError.InvalidPhoneNumber)]
    [InlineData("not a number", EngineError.InvalidPhoneNumber)]
    [InlineData("911", EngineError.EmergencyNumber)]
    [InlineData("+1 900 253 0000", EngineError.PremiumOrSpecialNumber)]
    [InlineData("+1 (405) 555-0100 ext 12", EngineError.PhoneExtensionNotDialable)]
    [InlineData("405 555 0100 x12", EngineError.PhoneExtensionNotDialable)]
    public void CallMe_BadNumber_IsRefusedWithSpecificError(string typed, EngineError expected)
    {
        var f = new EngineFixture();
        var m = f.Schedule();

        var result = f.Engine.CallMe(T, "adele", m.Id, typed);

        Assert.Equal(expected, result.Error);
        Assert.Empty(f.Engine.ListLegs(T, m.Id));
    }

    [Fact]
    public void CallMe_OrganizerWithoutAudioConferencing_SaysNoDialInForThisMeeting()
    {
        var f = new EngineFixture();
        var m = f.Schedule("megan");

        var result = f.Engine.CallMe(T, "adele", m.Id, "4055550100");

        Assert.Equal("The organizer does not have access to dial-in information for this meeting.", result.Message);
    }

    [Fact]
    public void CallMe_OrganizersDontAllow_GivesTheCallerTheNotSetUpMessage_AndPushesItToThem()
    {
        var f = new EngineFixture();
        f.Engine.SetDialOutPermission(T, "nestor", "adele", DialOutPermission.DontAllow).Unwrap();
        var m = f.Schedule("adele");

        var result = f.Engine.CallMe(T, "megan", m.Id, "4055550100");

        Assert.Equal("You are not set up to use this calling feature. Please contact your IT administrator.", result.Message);
        var pushed = Assert.Single(f.Events.Of<CallingFeatureUnavailable>());
        Assert.Equal("megan", pushed.UserId);
        Assert.Equal(result.Message, pushed.Message);
        Assert.Equal(EngineError.CallingFeatureNotSetUp, f.Engine.CallMe(T, "adele", m.Id, "4055550101").Error);
        f.Engine.JoinMeeting(T, "lee", m.Id, AudioMode.ComputerAudio).Unwrap();
        Assert.Equal(EngineError.CallingFeatureNotSetUp, f.Engine.AddParticipantByPhone(T, "lee", m.Id, "4055550102").Error);
        Assert.Empty(f.Engine.ListLegs(T, m.Id));
    }

    [Fact]
    public void CallMe_TheCallersOwnDontAllow_DoesNotApplyInAnotherOrganizersMeeting()
    {
        var f = new EngineFixture(); // alex: "Don't allow"

        var leg = f.Engine.CallMe(T, "alex", f.Schedule("adele").Id, "4055550100");

        Assert.True(leg.IsSuccess, leg.Message);
        Assert.Equal("adele", leg.Value!.BilledUserId);
    }

    [Fact]
    public void DialOut_OrganizersSameCountryPermission_RefusesAbroad_AllowsDomestic_ForCallMeAndAdding()
    {
        var f = new EngineFixture();
        f.Engine.SetDialOutPermission(T, "nestor", "adele", DialOutPermission.InSameCountryOrRegion).Unwrap();
        var m = f.Schedule("adele");
        f.Engine.JoinMeeting(T, "lee", m.Id, AudioMode.ComputerAudio).Unwrap();

        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, f.Engine.CallMe(T, "megan", m.Id, "+44 20 7946 0000").Message);
        Assert.Equal(EngineError.DestinationNotAllowed, f.Engine.AddParticipantByPhone(T, "lee", m.Id, "+44 20 7946 0001").Error);
        Assert.True(f.Engine.CallMe(T, "megan", m.Id, "405 555 0100").IsSuccess);
        Assert.True(f.Engine.AddParticipantByPhone(T, "lee", m.Id, "405 555 0101").IsSuccess);
    }

    [Fact]
    public void CallMe_OutsideZoneA_WithoutCredits_IsRefused_WithCredits_IsCharged()
    {
        var f = new EngineFixture();
        var adeles = f.Schedule("adele");
        var lees = f.Schedule("lee");

        Assert.Equal(EngineError.CallingFeatureNotSetUp, f.Engine.CallMe(T, "adele", adeles.Id, "+20 2 27921234").Error); // Egypt: not Zone A
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        var leg = f.Engine.CallMe(T, "lee", lees.Id, "+20 2 27921234").Unwrap();

        Assert.Equal(Capability.MCOPSTNPP, leg.CurrentFunding);
        Assert.Equal(4.76m, f.Engine.GetCreditBalance(T).Value);
    }

    [Fact]
    public void AddParticipant_ByUserNotInMeeting_IsRefused_ByParticipant_JoinsPhoneOnly()
    {
        var f = new EngineFixture();
        var m = f.Schedule("adele");

        Assert.Equal(EngineError.NotMeetingParticipant, f.Engine.AddParticipantByPhone(T, "megan", m.Id, "4055550111").Error);
        f.Engine.JoinMeeting(T, "megan", m.Id, AudioMode.ComputerAudio).Unwrap();
        var leg = f.Engine.AddParticipantByPhone(T, "megan", m.Id, "4055550111").Unwrap();

        var phoneParticipant = f.Engine.GetMeeting(T, m.Id).Value!.Participants.Single(p => p.Id == leg.ParticipantId);
        Assert.True(phoneParticipant.IsPhoneOnly);
        Assert.Equal("+1 405-555-0111", phoneParticipant.DisplayName);
    }

    [Fact]
    public void CallMe_Twice_IsRefusedWhileFirstLegIsUp()
    {
        var f = new EngineFixture();
        var m = f.Schedule("adele");
        f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();

        Assert.Equal(EngineError.PhoneLegAlreadyActive, f.Engine.CallMe(T, "adele", m.Id, "4055550101").Error);
    }

    [Fact]
    public void DialOut_PastPerUserRateLimit_IsRefused()
    {
        var f = new EngineFixture(options: o => o.MaxDialOutsPerUserPerMinute = 3);
        var m = f.Schedule("adele");
        f.Engine.JoinMeeting(T, "adele", m.Id, AudioMode.ComputerAudio).Unwrap();
        for (var i = 0; i < 3; i++) f.Engine.AddParticipantByPhone(T, "adele", m.Id, $"405555010{i}").Unwrap();

        Assert.Equal(EngineError.RateLimited, f.Engine.AddParticipantByPhone(T, "adele", m.Id, "4055550109").Error);
        f.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.True(f.Engine.AddParticipantByPhone(T, "adele", m.Id, "4055550109").IsSuccess);
    }

    [Fact]
    public void PreviewCost_SaysBeforeAnyConfirm_WhenTheMeetingCannotDialOutAtAll()
    {
        var f = new EngineFixture();
        var adeles = f.Schedule("adele");
        var megans = f.Schedule("megan");
        var ended = f.Schedule("adele");
        f.Engine.EndMeeting(T, "adele", ended.Id).Unwrap();

        CostPreview Preview(string meetingId) => f.Engine.PreviewCost(T, "adele", meetingId, "405 555 0100", CallLegKind.CallMe).Unwrap();
        Assert.Equal(("+14055550100", null), (Preview(adeles.Id).Number.E164, Preview(adeles.Id).Refusal));
        Assert.Equal(EngineError.NoAudioConferencing, Preview(megans.Id).Refusal);
        Assert.Equal(EngineError.MeetingEnded, Preview(ended.Id).Refusal);
        // The number itself is still shown as it would be dialed (the web client's live preview).
        Assert.Equal("+14055550100", Preview(megans.Id).Number.E164);
    }
}
