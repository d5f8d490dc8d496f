using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Meetings;

/// <summary>
/// Meetings do not pile up: <see cref="EngineOptions.MeetingRetention"/> after its last activity (scheduled end,
/// end, or a join or leave) a meeting nobody is in is forgotten with its ended legs; its usage records stay.
/// </summary>
public class MeetingRetentionTests
{
    private const string T = EngineFixture.TenantId;

    [Fact]
    public void AnEndedMeeting_IsForgottenAfterTheRetention_WithItsLegs_ButItsUsageStays()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var leg = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(3));
        f.Engine.HangUp(T, "adele", leg.Id).Unwrap();
        f.Engine.EndMeeting(T, "adele", m.Id).Unwrap();

        f.Jump(TimeSpan.FromDays(59));
        Assert.True(f.Engine.GetMeeting(T, m.Id).IsSuccess);

        f.Jump(TimeSpan.FromDays(2));
        Assert.Equal(EngineError.UnknownMeeting, f.Engine.GetMeeting(T, m.Id).Error);
        Assert.Null(f.Engine.TenantOfMeeting(m.Id));
        Assert.False(f.Engine.GetLeg(T, leg.Id).IsSuccess);
        Assert.DoesNotContain(f.Engine.ListMeetings(T, "adele"), x => x.Id == m.Id);
        Assert.Equal(leg.Id, Assert.Single(f.Engine.AllUsage(T)).CallId);
    }

    [Fact]
    public void AMeetingSomeoneIsIn_OrThatWasJoinedLately_IsKept()
    {
        var f = new EngineFixture();
        var occupied = f.Schedule(subject: "Occupied");
        var lately = f.Schedule(subject: "Joined lately");
        var idle = f.Schedule(subject: "Idle");
        f.Engine.JoinMeeting(T, "adele", occupied.Id, AudioMode.ComputerAudio).Unwrap();

        f.Jump(TimeSpan.FromDays(50));
        f.Engine.JoinMeeting(T, "lee", lately.Id, AudioMode.ComputerAudio).Unwrap();
        f.Engine.LeaveMeeting(T, "lee", lately.Id).Unwrap();
        f.Jump(TimeSpan.FromDays(11));

        Assert.True(f.Engine.GetMeeting(T, occupied.Id).IsSuccess);
        Assert.True(f.Engine.GetMeeting(T, lately.Id).IsSuccess);
        Assert.Equal(EngineError.UnknownMeeting, f.Engine.GetMeeting(T, idle.Id).Error);
    }

    [Fact]
    public void TheRetention_IsASetting()
    {
        var f = new EngineFixture(options: o => o.MeetingRetention = TimeSpan.FromDays(1));
        var m = f.Schedule();

        f.Jump(TimeSpan.FromDays(1) + TimeSpan.FromHours(2));

        Assert.Equal(EngineError.UnknownMeeting, f.Engine.GetMeeting(T, m.Id).Error);
        Assert.Throws<InvalidOperationException>(() => new EngineOptions { MeetingRetention = TimeSpan.Zero }.Validate());
    }
}
