using System.Net.Http.Json;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Hubs;
using MeetingBot.Web.Hubs.Messages;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.Web.Tests.Hubs;

/// <summary>Beyond Teams, pushed: the Ask policy hanging up a silent phone, and a phone muting itself with *6.</summary>
public sealed class OrphanGuardPushTests : IAsyncLifetime
{
    // The policy comes from the tenant's seed, as an operator would set it.
    private readonly MeetingBotAppFactory _app = new(new Dictionary<string, string?> { ["DemoTenant:OrphanedLegPolicy"] = "Ask" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Adele's meeting with her "Call me" phone answered.</summary>
    private async Task<(MeetingView Meeting, CallLegView Leg)> ConnectedCallMeAsync(HttpClient http)
    {
        var meeting = (await (await http.PostAsJsonAsync("/api/meetings", new { subject = "Standup" })).Content.ReadFromJsonAsync<MeetingView>())!;
        var leg = (await (await http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/callme", new { number = "4055550100" })).Content.ReadFromJsonAsync<CallLegView>())!;
        _app.Advance(TimeSpan.FromSeconds(3));
        return (meeting, leg);
    }

    [Fact]
    public async Task AskPolicy_NoKeyWithin60Seconds_PushesOrphanedLegEndedWithTheReasonToTheUser()
    {
        using var http = await _app.ClientForAsync("adele");
        var (meeting, leg) = await ConnectedCallMeAsync(http);
        await using var adele = await _app.ConnectAsync("adele");
        var pushes = new PushRecorder(adele);
        var left = await (await http.PostAsync($"/api/meetings/{meeting.Id}/leave", null)).Content.ReadFromJsonAsync<LeaveMeetingView>();
        Assert.True(Assert.Single(left!.PhoneLegsStillConnected).AwaitingStayAnswer);

        _app.Advance(TimeSpan.FromSeconds(60));
        var ended = await pushes.WaitForAsync<OrphanedLegEndedMessage>();

        Assert.Equal((leg.Id, "NoAnswerToStayPrompt"), (ended.LegId, ended.Reason));
        Assert.Equal("We hung up your phone +1 405-555-0100 in meeting " + meeting.Id +
                     ": you left the meeting in the app, and nobody pressed 1 on the phone to stay. Minutes already used stay paid.", ended.Message);
        Assert.Equal("Ended", (await pushes.WaitForAsync<CallLegStateChangedMessage>(m => m.State == "Ended")).State);
    }

    [Fact]
    public async Task Star6_PushesCallLegStateChangedMutedToTheMeeting()
    {
        using var http = await _app.ClientForAsync("adele");
        var (meeting, leg) = await ConnectedCallMeAsync(http);
        await using var adele = await _app.ConnectAsync("adele");
        await adele.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meeting.Id);
        var pushes = new PushRecorder(adele);

        (await http.PostAsJsonAsync($"/api/sim/calls/{leg.Id}/keys", new { keys = "*6" })).EnsureSuccessStatusCode();
        var muted = await pushes.WaitForAsync<CallLegStateChangedMessage>(m => m.Muted);

        Assert.Equal((leg.Id, "Connected"), (muted.LegId, muted.State));
    }
}
