using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Calling;

public class DialInTests
{
    private const string T = EngineFixture.TenantId;
    private const string Toll = "+1 405-666-0187";
    private const string Caller = "+1 212 555 0100";

    [Fact]
    public void DialIn_WrongIdThenRightId_AsGuest_WaitsInLobbyByDefault()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var s = f.Engine.StartDialIn(Toll, Caller).Unwrap();

        Assert.Equal(EngineError.ConferenceIdNotFound, f.Engine.EnterDialInDigits(s.Id, "111111111#").Error);
        Assert.Equal(DialInPrompts.TryAgain, s.Prompt);
        f.Engine.EnterDialInDigits(s.Id, m.ConferenceId + "#").Unwrap();
        f.Engine.EnterDialInDigits(s.Id, "#").Unwrap();

        Assert.Equal(DialInStage.InLobby, s.Stage);
        var participant = f.Engine.GetMeeting(T, m.Id).Value!.Participants.Single();
        Assert.True(participant.InLobby);
        f.Engine.Admit(T, "adele", m.Id, participant.Id).Unwrap();
        Assert.False(participant.InLobby);
        Assert.Equal((DialInStage.Admitted, DialInPrompts.Joined), (s.Stage, s.Prompt));
    }

    [Fact]
    public void DialIn_CallersBypassLobbySetting_AdmitsAtOnce()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        f.Engine.SetLobby(T, "adele", m.Id, new LobbySettings(LobbyBypass.Everyone, DialInCallersBypass: true)).Unwrap();
        var s = f.Engine.StartDialIn(Toll, Caller).Unwrap();

        f.Engine.EnterDialInDigits(s.Id, m.ConferenceId + "#").Unwrap();
        f.Engine.EnterDialInDigits(s.Id, "#").Unwrap();

        Assert.Equal(DialInStage.Admitted, s.Stage);
    }

    [Theory]
    [InlineData("12#")]
    [InlineData("abcdefgh#")]
    [InlineData("123456789")]
    public void DialIn_MalformedId_RepromptsThenHangsUpAfterMaxAttempts(string digits)
    {
        var f = new EngineFixture(options: o => o.MaxConferenceIdAttempts = 3);
        var s = f.Engine.StartDialIn(Toll, Caller).Unwrap();

        Assert.Equal(EngineError.InvalidConferenceIdFormat, f.Engine.EnterDialInDigits(s.Id, digits).Error);
        Assert.Equal(DialInStage.AwaitingConferenceId, s.Stage);
        f.Engine.EnterDialInDigits(s.Id, digits);
        Assert.Equal(EngineError.TooManyConferenceIdAttempts, f.Engine.EnterDialInDigits(s.Id, digits).Error);
        Assert.Equal(DialInStage.Disconnected, s.Stage);
    }

    [Fact]
    public void DialIn_OrganizerPin_JoinsAsOrganizer_WrongPinReprompts()
    {
        var f = new EngineFixture();
        f.Engine.SetOrganizerPin(T, "adele", "13579").Unwrap();
        var m = f.Schedule();
        var s = f.Engine.StartDialIn(Toll, Caller).Unwrap();
        f.Engine.EnterDialInDigits(s.Id, m.ConferenceId + "#").Unwrap();

        Assert.Equal(EngineError.WrongPin, f.Engine.EnterDialInDigits(s.Id, "11111#").Error); // well-formed, just not hers
        Assert.Equal("That PIN is not correct.", EngineMessages.For(EngineError.WrongPin));
        f.Engine.EnterDialInDigits(s.Id, "13579#").Unwrap();

        Assert.True(s.IsOrganizer);
        Assert.Equal(DialInStage.Admitted, s.Stage);
        Assert.Equal("adele", f.Engine.GetMeeting(T, m.Id).Value!.Participants.Single().UserId);
    }

    [Fact]
    public void DialIn_EndedMeeting_IdIsNotFound()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        f.Engine.EndMeeting(T, "adele", m.Id).Unwrap();
        var s = f.Engine.StartDialIn(Toll, Caller).Unwrap();

        Assert.Equal(EngineError.ConferenceIdNotFound, f.Engine.EnterDialInDigits(s.Id, m.ConferenceId + "#").Error);
    }

    [Fact]
    public void DialIn_TollFree_NeedsCredits_AndChargesPerMinute()
    {
        var f = new EngineFixture();
        var m = f.Schedule("lee");

        Assert.Equal(EngineError.TollFreeUnavailable, f.Engine.StartDialIn("+1 844-555-0187", Caller).Error);
        f.Engine.AddFunds(T, "nestor", 1m).Unwrap();
        var s = f.Engine.StartDialIn("+1 844-555-0187", Caller).Unwrap();
        f.Engine.EnterDialInDigits(s.Id, m.ConferenceId + "#").Unwrap();
        f.Engine.EnterDialInDigits(s.Id, "#").Unwrap();
        f.Jump(TimeSpan.FromMinutes(3) + TimeSpan.FromSeconds(10));
        f.Engine.PhoneHangsUp(s.LegId!).Unwrap();

        var record = Assert.Single(f.Engine.AllUsage(T));
        Assert.Equal(("conf_in", Capability.MCOPSTNPP, 0.12m), (record.CallType, record.Capability, record.Charge));
        Assert.Equal(0.88m, f.Engine.GetCreditBalance(T).Value);
    }

    [Fact]
    public void DialIn_UnknownNumberOrSession_IsRefused()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.NotABridgeNumber, f.Engine.StartDialIn("+1 212 555 0199", Caller).Error);
        Assert.Equal(EngineError.UnknownDialInSession, f.Engine.EnterDialInDigits("dialin-999", "123#").Error);
    }

    [Fact]
    public void DialInSessions_AreForgotten_WhenTheBridgeHangsUp_WhenTheCallEnds_AndWhenTheCallerTypesNothing()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        f.Engine.SetLobby(T, "adele", m.Id, new LobbySettings(LobbyBypass.Everyone, DialInCallersBypass: true)).Unwrap();

        var refused = f.Engine.StartDialIn(Toll, Caller).Unwrap();
        for (var i = 0; i < 3; i++) f.Engine.EnterDialInDigits(refused.Id, "111111111#");
        var joined = f.Engine.StartDialIn(Toll, Caller).Unwrap();
        f.Engine.EnterDialInDigits(joined.Id, m.ConferenceId + "#").Unwrap();
        f.Engine.EnterDialInDigits(joined.Id, "#").Unwrap();
        var silent = f.Engine.StartDialIn(Toll, Caller).Unwrap();

        Assert.Equal((DialInStage.Disconnected, EngineError.UnknownDialInSession), (refused.Stage, f.Engine.GetDialIn(refused.Id).Error));
        Assert.True(f.Engine.GetDialIn(joined.Id).IsSuccess); // in the meeting: held while the call is up
        f.Engine.PhoneHangsUp(joined.LegId!).Unwrap();
        Assert.Equal((DialInStage.Disconnected, EngineError.UnknownDialInSession), (joined.Stage, f.Engine.GetDialIn(joined.Id).Error));

        f.Run(f.Engine.Options.DialInInputTimeout - TimeSpan.FromSeconds(1));
        Assert.True(f.Engine.GetDialIn(silent.Id).IsSuccess);
        f.Run(TimeSpan.FromSeconds(1));
        Assert.Equal((DialInStage.Disconnected, DialInPrompts.NoInput), (silent.Stage, silent.Prompt));
        Assert.Equal(EngineError.UnknownDialInSession, f.Engine.EnterDialInDigits(silent.Id, m.ConferenceId + "#").Error);
    }
}
