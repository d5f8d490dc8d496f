using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Calling;

public sealed class CutOffWarningTests
{
    private const string T = EngineFixture.TenantId;
    private const string UsNumber = "4055550100";
    private static readonly TimeSpan JustPast = TimeSpan.FromSeconds(1);

    private static List<CutOffWarning> WarningsFor(EngineFixture f, string legId) =>
        f.Events.Of<CutOffWarning>().Where(w => w.LegId == legId).ToList();

    [Fact]
    public void SixPooledMinutesLeft_NoCredits_WarnsAtFiveThenAtOne_ThenCutsOff()
    {
        var f = new EngineFixture();
        f.UsePooledMinutes(114);
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, UsNumber).Unwrap(); // minute 1 paid: 5 more can be

        Assert.Empty(WarningsFor(f, leg.Id));
        f.Jump(TimeSpan.FromMinutes(1) + JustPast); // minute 2: this one and 4 more
        var first = Assert.Single(WarningsFor(f, leg.Id));
        Assert.Equal((5, 5), (first.ThresholdMinutes, first.MinutesLeft));
        Assert.Equal(EngineMessages.CutOffWarning(5), first.Prompt);
        Assert.Equal(["adele"], first.Recipients);
        Assert.InRange(first.At - leg.ConnectedAt!.Value, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1) + JustPast); // when minute 2 began

        f.Jump(TimeSpan.FromMinutes(3)); // minutes 3 to 5: no new threshold
        Assert.Single(WarningsFor(f, leg.Id));
        f.Jump(TimeSpan.FromMinutes(1)); // minute 6, the last the pool pays
        Assert.Equal([(5, 5), (1, 1)], WarningsFor(f, leg.Id).Select(w => (w.ThresholdMinutes, w.MinutesLeft)));
        Assert.Equal(CallLegState.Connected, leg.State);

        f.Jump(TimeSpan.FromMinutes(1));
        Assert.Equal(CallLegState.CutOff, leg.State);
        Assert.Equal(leg.ConnectedAt!.Value.AddMinutes(6), leg.EndedAt);
        Assert.Equal([EngineMessages.CutOffWarning(5), EngineMessages.CutOffWarning(1)], leg.Prompts.Select(p => p.Text));
        Assert.Equal(2, WarningsFor(f, leg.Id).Count); // each threshold once
    }

    [Fact]
    public void TwoLiveLegs_ShareThePool_EachSeesHalf()
    {
        var f = new EngineFixture();
        f.UsePooledMinutes(108);
        var m = f.Schedule();
        var mine = f.Engine.CallMe(T, "adele", m.Id, UsNumber).Unwrap();          // 11 left: alone, plenty
        f.Engine.JoinMeeting(T, "lee", m.Id, AudioMode.ComputerAudio).Unwrap();
        var lees = f.Engine.CallMe(T, "lee", m.Id, "4255550111").Unwrap();         // 10 left, 5 each: 6 minutes
        Assert.Empty(f.Events.Of<CutOffWarning>());

        f.Jump(TimeSpan.FromMinutes(1) + JustPast); // both pay minute 2: 9 then 8 left, 4 each

        var warnings = f.Events.Of<CutOffWarning>();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.Equal((5, 5), (w.ThresholdMinutes, w.MinutesLeft)));
        // Alone, 8 pooled minutes would have been 9 minutes of talk: no warning.
        Assert.Equal(["lee", "adele"], warnings.Single(w => w.LegId == lees.Id).Recipients);
        Assert.Equal(["adele"], warnings.Single(w => w.LegId == mine.Id).Recipients);
    }

    [Fact]
    public void Credits_WithoutAutoRecharge_WarnAtOnce_WithItTheRechargeCounts()
    {
        static EngineFixture CallAbroad(bool autoRecharge, out CallLeg leg)
        {
            var f = new EngineFixture();
            f.Engine.AddFunds(T, "nestor", 1m).Unwrap();
            // Threshold 0: the recharge comes only when the balance cannot pay the next minute, so it has not happened yet.
            if (autoRecharge) f.Engine.SetAutoRecharge(T, "nestor", true, 0m, 10m).Unwrap();
            var m = f.Schedule("lee");
            leg = f.Engine.CallMe(T, "lee", m.Id, "+20 2 27921234").Unwrap(); // Cairo, outside Zone A: $0.24 a minute
            return f;
        }

        var without = CallAbroad(autoRecharge: false, out var legWithout);
        var warning = Assert.Single(without.Events.Of<CutOffWarning>());
        Assert.Equal((legWithout.Id, 5, 4), (warning.LegId, warning.ThresholdMinutes, warning.MinutesLeft)); // $0.76 left: 3 more minutes

        var with = CallAbroad(autoRecharge: true, out _);
        Assert.Empty(with.Events.Of<CutOffWarning>());
        Assert.Equal(0.76m, with.Engine.GetCreditBalance(T).Unwrap()); // counted, not yet bought
    }

    [Fact]
    public void AmpleFunds_NoWarning_NoPrompt()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, UsNumber).Unwrap();

        f.Jump(TimeSpan.FromMinutes(30));

        Assert.Empty(f.Events.Of<CutOffWarning>());
        Assert.Empty(leg.Prompts);
    }

    [Fact]
    public void TenantSetting_NoThresholds_NoWarnings_BadThresholdsRefusedAtStart()
    {
        var f = new EngineFixture(seed => seed.CutOffWarningMinutes = []);
        f.UsePooledMinutes(114);
        var m = f.Schedule();
        f.Engine.CallMe(T, "adele", m.Id, UsNumber).Unwrap();
        f.Jump(TimeSpan.FromMinutes(7));
        Assert.Empty(f.Events.Of<CutOffWarning>());

        var bad = Assert.Throws<ArgumentException>(() => new EngineFixture(seed => seed.CutOffWarningMinutes = [5, 0]));
        Assert.Contains("CutOffWarningMinutes", bad.Message);
    }

    [Fact]
    public void TenantSetting_CustomThresholds_WarnAtEach()
    {
        var f = new EngineFixture(seed => seed.CutOffWarningMinutes = [3]);
        Assert.Equal([3], f.Engine.CutOffWarningMinutes(T));
        f.UsePooledMinutes(114);
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, UsNumber).Unwrap();

        f.Jump(TimeSpan.FromMinutes(6));

        Assert.Equal([(3, 3)], WarningsFor(f, leg.Id).Select(w => (w.ThresholdMinutes, w.MinutesLeft)));
    }
}
