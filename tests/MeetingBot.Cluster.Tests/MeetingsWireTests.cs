using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Snapshots;
using MeetingBot.Testing;
using Microsoft.Extensions.Time.Testing;

using static MeetingBot.Cluster.Tests.Support.SiloWire;

namespace MeetingBot.Cluster.Tests;

/// <summary>A `meetings` turn's one grain call answers the user and their meetings; between hosts the answer travels as JSON.</summary>
public sealed class MeetingsWireTests
{
    [Fact]
    public void UserAndMeetings_RoundTrip_InOneAnswer()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var engine = new ConferenceEngine(new EngineOptions(), clock);
        var tenant = engine.AddTenant(TenantBuilder.Contoso().Build());
        engine.ScheduleMeeting(tenant.Id, "adele", "Weekly sync", clock.GetUtcNow().AddHours(1), clock.GetUtcNow().AddHours(2));

        var mine = new ListUserMeetings("adele").Run(engine, tenant.Id);
        var nobody = new ListUserMeetings("nobody").Run(engine, tenant.Id);
        var copy = RoundTrip(mine);

        Assert.Equal("Adele Vance", copy.User!.DisplayName);
        Assert.Equal(mine.User!.Licenses, copy.User.Licenses);
        Assert.Equal("Weekly sync", Assert.Single(copy.Meetings).Subject);
        Assert.Equal(mine.Meetings[0].Id, copy.Meetings[0].Id);
        Assert.Null(nobody.User);
        Assert.Null(RoundTrip(nobody).User);
    }
}
