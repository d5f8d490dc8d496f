using System.Net;
using System.Net.Http.Json;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Hubs;
using MeetingBot.Web.Hubs.Messages;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.Web.Tests.Hubs;

public sealed class MeetingHubTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Connect_WithoutSignIn_IsRefusedWith401()
    {
        await using var connection = _app.BuildConnection(accessToken: null);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Connect_WithForgedToken_IsRefusedWith401()
    {
        await using var connection = _app.BuildConnection(() => Task.FromResult<string?>("not-a-token"));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task JoinMeeting_UserNotInMeeting_RefusedWithClearMessage()
    {
        var meeting = await ScheduleAsync("adele");
        await using var megan = await _app.ConnectAsync("megan");

        var error = await Assert.ThrowsAsync<HubException>(() => megan.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meeting.Id));

        Assert.Contains("You are not in that meeting.", error.Message);
    }

    [Fact]
    public async Task JoinMeeting_UnknownMeeting_RefusedWithClearMessage()
    {
        await using var adele = await _app.ConnectAsync("adele");

        var error = await Assert.ThrowsAsync<HubException>(() => adele.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), "999999"));

        Assert.Contains("You are not in that meeting.", error.Message);
    }

    [Fact]
    public async Task JoinMeeting_Organizer_ReturnsCurrentParticipantsAndLegs()
    {
        var meeting = await ScheduleAsync("adele");
        using var http = await _app.ClientForAsync("adele");
        (await http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/callme", new { number = "4055550100" })).EnsureSuccessStatusCode();
        await using var adele = await _app.ConnectAsync("adele");

        var snapshot = await adele.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meeting.Id);

        Assert.False(snapshot.Ended);
        var participant = Assert.Single(snapshot.Participants);
        Assert.Equal("adele", participant.UserId);
        var leg = Assert.Single(snapshot.Legs);
        Assert.Equal("Connected", leg.State);
        Assert.Equal("+14055550100", leg.ToNumber);
        Assert.Empty(snapshot.MyOrphanedLegs);
    }

    [Fact]
    public async Task JoinMeeting_AfterOthersLeftAndRejoined_SnapshotListsOnlyWhoIsPresent()
    {
        var meeting = await ScheduleAsync("adele");
        using var megan = await _app.ClientForAsync("megan");
        for (var i = 0; i < 3; i++)
        {
            (await megan.PostAsJsonAsync($"/api/meetings/{meeting.Id}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
            (await megan.PostAsync($"/api/meetings/{meeting.Id}/leave", null)).EnsureSuccessStatusCode();
        }
        (await megan.PostAsJsonAsync($"/api/meetings/{meeting.Id}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
        await using var adele = await _app.ConnectAsync("adele");

        var snapshot = await adele.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meeting.Id);
        var history = await megan.GetFromJsonAsync<MeetingView>($"/api/meetings/{meeting.Id}");

        var present = Assert.Single(snapshot.Participants);
        Assert.Equal(("megan", null), (present.UserId, present.LeftAt));
        Assert.Equal(4, history!.Participants.Count(p => p.UserId == "megan")); // the sessions stay in the meeting's record
    }

    [Fact]
    public async Task JoinMeeting_ReconnectAfterLeavingWithPhoneUp_SnapshotListsOrphanedLeg()
    {
        var meeting = await ScheduleAsync("adele");
        using var http = await _app.ClientForAsync("adele");
        var leg = await (await http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/callme", new { number = "4055550100" })).Content.ReadFromJsonAsync<CallLegView>();
        (await http.PostAsync($"/api/meetings/{meeting.Id}/leave", null)).EnsureSuccessStatusCode();

        // A client that was away during the reminder connects again and asks for the state.
        await using var reconnected = await _app.ConnectAsync("adele");
        var snapshot = await reconnected.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meeting.Id);
        var orphans = await reconnected.InvokeAsync<IReadOnlyList<CallLegView>>(nameof(MeetingHub.GetMyOrphanedLegs));

        Assert.Equal(leg!.Id, Assert.Single(snapshot.MyOrphanedLegs).Id);
        Assert.True(snapshot.MyOrphanedLegs[0].IsOrphaned);
        Assert.Equal(leg.Id, Assert.Single(orphans).Id);
    }

    [Fact]
    public async Task LeaveMeetingGroup_AfterJoin_StopsMeetingPushes()
    {
        var meeting = await ScheduleAsync("adele");
        await using var adele = await _app.ConnectAsync("adele");
        var pushes = new PushRecorder(adele);
        await adele.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meeting.Id);
        using var megan = await _app.ClientForAsync("megan");
        (await megan.PostAsJsonAsync($"/api/meetings/{meeting.Id}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
        await pushes.WaitForAsync<ParticipantJoinedMessage>(m => m.DisplayName == "Megan Bowen");

        // A second connection of the organizer stays in the group: when it hears Lee, the first would have too.
        await using var observer = await _app.ConnectAsync("adele");
        var observed = new PushRecorder(observer);
        await observer.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meeting.Id);

        await adele.InvokeAsync(nameof(MeetingHub.LeaveMeetingGroup), meeting.Id);
        using var lee = await _app.ClientForAsync("lee");
        (await lee.PostAsJsonAsync($"/api/meetings/{meeting.Id}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
        await observed.WaitForAsync<ParticipantJoinedMessage>(m => m.DisplayName == "Lee Gu");
        await Task.Delay(300);

        Assert.DoesNotContain(pushes.All<ParticipantJoinedMessage>(), m => m.DisplayName == "Lee Gu");
    }

    private async Task<MeetingView> ScheduleAsync(string organizer)
    {
        using var http = await _app.ClientForAsync(organizer);
        var response = await http.PostAsJsonAsync("/api/meetings", new { subject = "Weekly sync", durationMinutes = 60 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MeetingView>())!;
    }
}
