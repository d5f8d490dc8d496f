using MeetingBot.Engine.Events;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Meetings;

/// <summary>The roster across leaving and rejoining: one present participant per person, the sessions kept as history.</summary>
public class RosterTests
{
    private const string T = EngineFixture.TenantId;

    [Fact]
    public void JoinMeeting_AfterLeavingManyTimes_OnePresentParticipantAndEverySessionKept()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var sessions = new List<string>();

        for (var i = 0; i < 500; i++)
        {
            sessions.Add(f.Engine.JoinMeeting(T, "megan", m.Id, AudioMode.ComputerAudio).Unwrap().Id);
            f.Engine.LeaveMeeting(T, "megan", m.Id).Unwrap();
        }
        var present = f.Engine.JoinMeeting(T, "megan", m.Id, AudioMode.ComputerAudio).Unwrap();
        var again = f.Engine.JoinMeeting(T, "megan", m.Id, AudioMode.NoAudio).Unwrap();

        Assert.Equal(500, sessions.Distinct().Count());
        Assert.DoesNotContain(present.Id, sessions);
        Assert.Same(present, again); // joining while present is the same participant, not a new one
        Assert.Equal(AudioMode.NoAudio, present.AudioMode);
        var megans = m.Participants.Where(p => p.UserId == "megan").ToList();
        Assert.Equal(501, megans.Count);
        Assert.Equal(present.Id, Assert.Single(m.Present, p => p.UserId == "megan").Id);
        Assert.All(megans.Where(p => p.Id != present.Id), p => Assert.NotNull(p.LeftAt));
        Assert.Equal(501, f.Events.Of<ParticipantJoined>().Count(e => e.MeetingId == m.Id && e.DisplayName == "Megan Bowen"));
        Assert.Equal(500, f.Events.Of<ParticipantLeft>().Count(e => e.MeetingId == m.Id && e.DisplayName == "Megan Bowen"));
    }

    [Fact]
    public void LeaveMeeting_UserMatchedWithoutCase_AndAfterLeavingTheMeetingStillListed()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        f.Engine.JoinMeeting(T, "megan", m.Id, AudioMode.ComputerAudio).Unwrap();

        var left = f.Engine.LeaveMeeting(T, "MEGAN", m.Id);
        var leftTwice = f.Engine.LeaveMeeting(T, "megan", m.Id);

        Assert.True(left.IsSuccess);
        Assert.Equal(EngineError.NotMeetingParticipant, leftTwice.Error);
        Assert.Contains(f.Engine.ListMeetings(T, "megan"), x => x.Id == m.Id);
        Assert.DoesNotContain(f.Engine.ListMeetings(T, "alex"), x => x.Id == m.Id);
    }
}
