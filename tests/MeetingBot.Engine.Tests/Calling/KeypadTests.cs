using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Calling;

/// <summary>Keys pressed on a phone leg in the simulation: *6 mute, *1 minutes left, and the refusals.</summary>
public class KeypadTests
{
    private const string T = EngineFixture.TenantId;

    [Fact]
    public void Star6_TogglesMute_WithAPromptAndAStateChange()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();

        f.Engine.PressKeys(T, "adele", leg.Id, "*6").Unwrap();
        Assert.True(leg.IsMuted);
        Assert.True(f.Events.Of<CallLegStateChanged>()[^1].IsMuted);
        Assert.True(f.Engine.ListLegs(T, m.Id).Single().IsMuted);

        f.Engine.PressKeys(T, "adele", leg.Id, "*6").Unwrap();
        Assert.False(leg.IsMuted);
        Assert.False(f.Events.Of<CallLegStateChanged>()[^1].IsMuted);
        Assert.Equal([EngineMessages.PhoneMuted, EngineMessages.PhoneUnmuted], leg.Prompts.Select(p => p.Text));
    }

    [Fact]
    public void Star1_SaysTheMinutesTheCutOffWarningWouldCount()
    {
        // 120 pooled minutes, 100 used: the call's first minute takes the 101st, 19 are left, so 20 with the one in progress.
        var f = new EngineFixture(seed => seed.CutOffWarningMinutes = []);
        f.UsePooledMinutes(100);
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();

        f.Engine.PressKeys(T, "adele", leg.Id, "*1").Unwrap();
        f.Run(TimeSpan.FromSeconds(241)); // minutes 2 to 5 begun and paid: 16 left
        f.Engine.PressKeys(T, "adele", leg.Id, "*1").Unwrap();

        Assert.Equal([EngineMessages.MinutesLeftPrompt(20), EngineMessages.MinutesLeftPrompt(16)], leg.Prompts.Select(p => p.Text));
        Assert.Contains("about 20 more minutes", leg.Prompts[0].Text);
    }

    [Fact]
    public void Star1_OnATollDialIn_SaysItDoesNotRunOut()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var session = f.Engine.StartDialIn("+1 405-666-0187", "+1 206 555 0100").Unwrap();
        f.Engine.EnterDialInDigits(session.Id, m.ConferenceId + "#").Unwrap();
        f.Engine.EnterDialInDigits(session.Id, "#").Unwrap();
        var leg = f.Engine.ListLegs(T, m.Id).Single();

        f.Engine.PressKeys(T, "adele", leg.Id, "*1").Unwrap();

        Assert.Equal(EngineMessages.MinutesLeftPrompt(null), leg.Prompts.Single().Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12a")]
    [InlineData("1 2")]
    [InlineData("123456789012345678901234567890123")]
    public void InvalidKeys_AreRefused(string keys)
    {
        var f = new EngineFixture();
        var leg = f.Engine.CallMe(T, "adele", f.Schedule().Id, "4055550100").Unwrap();

        Assert.Equal(EngineError.InvalidKeys, f.Engine.PressKeys(T, "adele", leg.Id, keys).Error);
        Assert.False(leg.IsMuted);
    }

    [Fact]
    public void Keys_OnAnUnknownEndedRingingOrSomeoneElsesLeg_AreRefusedWithTheirOwnError()
    {
        var f = new EngineFixture(options: o => o.AutoAnswerAfter = TimeSpan.FromSeconds(5));
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();

        Assert.Equal(EngineError.UnknownCallLeg, f.Engine.PressKeys(T, "adele", "leg-nope", "1").Error);
        Assert.Equal(EngineError.NotYourCallLeg, f.Engine.PressKeys(T, "megan", leg.Id, "1").Error);
        Assert.Equal(EngineError.CallLegNotAnswered, f.Engine.PressKeys(T, "adele", leg.Id, "1").Error);
        f.Engine.HangUp(T, "adele", leg.Id).Unwrap();
        Assert.Equal(EngineError.CallLegEnded, f.Engine.PressKeys(T, "adele", leg.Id, "1").Error);
    }
}
