using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Billing;

public sealed class CostPreviewTests
{
    private const string T = EngineFixture.TenantId;
    private const string UsNumber = "4055550100";
    /// <summary>Cairo: outside Zone A, so never on the pool.</summary>
    private const string OutsideZoneA = "+20 2 27921234";

    [Fact]
    public void PreviewCost_PoolLeft_PoolPays_AndNothingIsSpent()
    {
        var f = new EngineFixture();
        var m = f.Schedule();

        var p = f.Engine.PreviewCost(T, "adele", m.Id, UsNumber, CallLegKind.CallMe).Unwrap();

        Assert.Equal("+14055550100", p.Number.E164);
        Assert.Equal(("US", "United States", true), (p.Number.RegionCode, p.CountryName, p.IsZoneA));
        Assert.Equal(FundingSource.Pool, p.Payer);
        Assert.Equal(120, p.PoolMinutesLeft);
        Assert.True(p.Policy.Allows);
        Assert.Equal(("adele", DialOutPermission.AnyDestination), (p.Policy.UserId, p.Policy.Permission));
        Assert.True(p.WouldDial);
        Assert.Null(p.RefusalMessage);
        Assert.Empty(f.Engine.ListLegs(T, m.Id));
    }

    [Fact]
    public void PreviewCost_PoolEmpty_WithCredits_CreditsPayAtTheDestinationsRate()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        f.UsePooledMinutes(120, "lee");
        var m = f.Schedule("lee");

        var p = f.Engine.PreviewCost(T, "lee", m.Id, UsNumber, CallLegKind.CallMe).Unwrap();

        Assert.Equal(FundingSource.Credits, p.Payer);
        Assert.Equal((0.02m, "USD"), (p.RatePerMinute, p.Currency));
        Assert.Equal(0, p.PoolMinutesLeft);
        Assert.Null(p.Refusal);
    }

    [Fact]
    public void PreviewCost_PoolEmpty_OrganizerWithoutCreditsLicense_RefusedWithTheTeamsError()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap(); // a balance is no use without the license
        f.UsePooledMinutes(120);
        var m = f.Schedule();

        var p = f.Engine.PreviewCost(T, "adele", m.Id, UsNumber, CallLegKind.CallMe).Unwrap();

        Assert.Equal(FundingSource.Refused, p.Payer);
        Assert.Equal(EngineError.CallingFeatureNotSetUp, p.FundingRefusal);
        Assert.Equal(EngineError.CallingFeatureNotSetUp, p.Refusal);
        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, p.RefusalMessage);
        Assert.False(p.WouldDial);
        Assert.Equal(p.Refusal, f.Engine.CallMe(T, "adele", m.Id, UsNumber).Error); // the call itself agrees
    }

    [Fact]
    public void PreviewCost_OutsideZoneA_CreditsPayEvenWithThePoolFull()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        var m = f.Schedule("lee");

        var p = f.Engine.PreviewCost(T, "lee", m.Id, OutsideZoneA, CallLegKind.CallMe).Unwrap();

        Assert.Equal(("EG", false), (p.Number.RegionCode, p.IsZoneA));
        Assert.Equal("Egypt", p.CountryName);
        Assert.Equal(120, p.PoolMinutesLeft);
        Assert.Equal((FundingSource.Credits, 0.24m), (p.Payer, p.RatePerMinute));
        Assert.True(p.WouldDial);
    }

    [Fact]
    public void PreviewCost_OutsideZoneA_NoCredits_Refused()
    {
        var f = new EngineFixture();
        var m = f.Schedule();

        var p = f.Engine.PreviewCost(T, "adele", m.Id, OutsideZoneA, CallLegKind.CallMe).Unwrap();

        Assert.Equal((FundingSource.Refused, EngineError.CallingFeatureNotSetUp), (p.Payer, p.Refusal));
    }

    [Fact]
    public void PreviewCost_PermissionDontAllow_VerdictRefuses_WhileThePoolWouldPay()
    {
        var f = new EngineFixture();
        f.Engine.SetDialOutPermission(T, "nestor", "adele", DialOutPermission.DontAllow).Unwrap();
        var m = f.Schedule();

        var p = f.Engine.PreviewCost(T, "adele", m.Id, UsNumber, CallLegKind.CallMe).Unwrap();

        Assert.Equal(FundingSource.Pool, p.Payer);
        Assert.False(p.Policy.Allows);
        Assert.Equal((DialOutPermission.DontAllow, EngineError.CallingFeatureNotSetUp), (p.Policy.Permission, p.Policy.Refusal));
        Assert.Equal(EngineError.CallingFeatureNotSetUp, p.Refusal);
        Assert.Equal(p.Refusal, f.Engine.CallMe(T, "adele", m.Id, UsNumber).Error);
    }

    [Fact]
    public void PreviewCost_SameCountryOnly_AbroadIsNotAllowed_HomeIs()
    {
        var f = new EngineFixture();
        f.Engine.SetDialOutPermission(T, "nestor", "adele", DialOutPermission.InSameCountryOrRegion).Unwrap();
        var m = f.Schedule();

        var abroad = f.Engine.PreviewCost(T, "adele", m.Id, "+44 20 7946 0000", CallLegKind.CallMe).Unwrap();
        var home = f.Engine.PreviewCost(T, "adele", m.Id, UsNumber, CallLegKind.CallMe).Unwrap();

        Assert.Equal(EngineError.DestinationNotAllowed, abroad.Policy.Refusal);
        Assert.Equal(EngineError.DestinationNotAllowed, abroad.Refusal);
        Assert.True(home.Policy.Allows);
    }

    [Fact]
    public void PreviewCost_OthersMeeting_TheOrganizersPermissionIsTheVerdict()
    {
        var f = new EngineFixture();
        f.Engine.SetDialOutPermission(T, "nestor", "lee", DialOutPermission.DontAllow).Unwrap();
        var m = f.Schedule("lee");
        f.Engine.JoinMeeting(T, "adele", m.Id, MeetingBot.Engine.Meetings.AudioMode.ComputerAudio).Unwrap();

        var p = f.Engine.PreviewCost(T, "adele", m.Id, UsNumber, CallLegKind.AddedParticipant).Unwrap();

        Assert.Equal(("lee", "Lee Gu", DialOutPermission.DontAllow), (p.Policy.UserId, p.Policy.DisplayName, p.Policy.Permission));
        Assert.Equal(EngineError.CallingFeatureNotSetUp, p.Refusal);
    }

    [Theory]
    [InlineData("12", EngineError.InvalidPhoneNumber)]
    [InlineData("911", EngineError.EmergencyNumber)]
    public void PreviewCost_NotADialableNumber_SpecificError(string typed, EngineError expected)
    {
        var f = new EngineFixture();
        var m = f.Schedule();

        Assert.Equal(expected, f.Engine.PreviewCost(T, "adele", m.Id, typed, CallLegKind.CallMe).Error);
    }

    [Fact]
    public void PreviewCost_AddWithoutBeingInTheMeeting_SaysSo()
    {
        var f = new EngineFixture();
        var m = f.Schedule();

        var p = f.Engine.PreviewCost(T, "adele", m.Id, UsNumber, CallLegKind.AddedParticipant).Unwrap();

        Assert.Equal(EngineError.NotMeetingParticipant, p.Refusal);
        Assert.Equal(FundingSource.Pool, p.Payer);
    }
}
