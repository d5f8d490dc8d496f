using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Hubs;
using MeetingBot.Web.Hubs.Messages;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.Web.Tests.Hubs;

/// <summary>Each engine event reaches the right people over SignalR, with the engine's exact words.</summary>
public sealed class RealtimePushTests : IAsyncLifetime
{
    private const string UsNumber = "4055550100";
    private readonly MeetingBotAppFactory _app = new(new Dictionary<string, string?>
    {
        ["MeetingBot:Engine:HangUpReminderInterval"] = "00:01:00",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CallMe_PoolUsedUp_CutOffAndRefusalPushExactTeamsText()
    {
        var meetingId = await ScheduleAsync("adele");
        await using var adele = await _app.ConnectAsync("adele");
        var pushes = new PushRecorder(adele);
        using var http = await _app.ClientForAsync("adele");
        (await http.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = UsNumber })).EnsureSuccessStatusCode();

        // 2 assigned monthly seats × 60 = 120 pooled minutes; minute 121 cannot be paid.
        _app.Advance(TimeSpan.FromMinutes(121));
        var cutOff = await pushes.WaitForAsync<CallingFeatureUnavailableMessage>();
        var refused = await http.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = UsNumber });
        var refusal = await pushes.WaitForAsync<CallingFeatureUnavailableMessage>(count: 2);

        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, cutOff.Message);
        Assert.Equal("You are not set up to use this calling feature. Please contact your IT administrator.", refusal.Message);
        Assert.Equal(meetingId, refusal.MeetingId);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var body = await refused.Content.ReadFromJsonAsync<ApiError>();
        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, body!.Detail);
    }

    [Fact]
    public async Task CallMe_DialOutNotAllowed_PushesNotSetUpTextToThatUserOnly()
    {
        var meetingId = await ScheduleAsync("alex"); // his meetings: "Don't allow"
        await using var alex = await _app.ConnectAsync("alex");
        var alexPushes = new PushRecorder(alex);
        using var http = await _app.ClientForAsync("alex");

        var response = await http.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = UsNumber });
        var push = await alexPushes.WaitForAsync<CallingFeatureUnavailableMessage>();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, push.Message);
        Assert.Equal("alex", push.UserId);
    }

    [Fact]
    public async Task CallMe_InMeetingGroup_PushesRingingThenConnectedThenEnded()
    {
        var meetingId = await ScheduleAsync("adele");
        await using var adele = await _app.ConnectAsync("adele");
        var pushes = new PushRecorder(adele);
        await adele.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meetingId);
        using var http = await _app.ClientForAsync("adele");

        var leg = await (await http.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = UsNumber })).Content.ReadFromJsonAsync<CallLegView>();
        await pushes.WaitForAsync<CallLegStateChangedMessage>(m => m.State == "Connected");
        (await http.PostAsync($"/api/calls/{leg!.Id}/hangup", null)).EnsureSuccessStatusCode();
        await pushes.WaitForAsync<CallLegStateChangedMessage>(m => m.State == "Ended");

        var states = pushes.All<CallLegStateChangedMessage>().Where(m => m.LegId == leg.Id).Select(m => m.State).ToList();
        Assert.Equal(["Ringing", "Connected", "Ended"], states);
        Assert.All(pushes.All<CallLegStateChangedMessage>(), m => Assert.Equal("+1 405-555-0100", m.ToDisplay));
    }

    [Fact]
    public async Task LeaveMeeting_SomeoneTheyAddedStillOnThePhone_TellsThemOnce_InWords()
    {
        var meetingId = await ScheduleAsync("adele");
        await using var adele = await _app.ConnectAsync("adele");
        var pushes = new PushRecorder(adele);
        using var http = await _app.ClientForAsync("adele");
        (await http.PostAsJsonAsync($"/api/meetings/{meetingId}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
        var leg = await (await http.PostAsJsonAsync($"/api/meetings/{meetingId}/participants/phone", new { number = "+44 20 7946 0000" })).Content.ReadFromJsonAsync<CallLegView>();

        (await http.PostAsync($"/api/meetings/{meetingId}/leave", null)).EnsureSuccessStatusCode();
        var told = await pushes.WaitForAsync<AddedPhoneStillConnectedMessage>();

        Assert.Equal((meetingId, leg!.Id, "+44 20 7946 0000", (decimal?)null), (told.MeetingId, told.LegId, told.ToDisplay, told.RatePerMinute));
        Assert.Equal($"+44 20 7946 0000, whom you added by phone to meeting {meetingId}, is still connected after you left (on the pooled dial-out minutes). Hang up if the call is over.", told.Message);
        _app.Advance(TimeSpan.FromMinutes(3));
        Assert.Single(pushes.All<AddedPhoneStillConnectedMessage>());
    }

    [Fact]
    public async Task LeaveMeeting_PhoneStillUp_RemindsAtOnceAndAgainAfterInterval()
    {
        var meetingId = await ScheduleAsync("adele");
        await using var adele = await _app.ConnectAsync("adele");
        var pushes = new PushRecorder(adele);
        using var http = await _app.ClientForAsync("adele");
        var leg = await (await http.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = UsNumber })).Content.ReadFromJsonAsync<CallLegView>();

        var left = await (await http.PostAsync($"/api/meetings/{meetingId}/leave", null)).Content.ReadFromJsonAsync<LeaveMeetingView>();
        var first = await pushes.WaitForAsync<HangUpReminderMessage>();
        _app.Advance(TimeSpan.FromSeconds(61));
        var second = await pushes.WaitForAsync<HangUpReminderMessage>(count: 2);

        Assert.Equal(EngineMessages.HangUpBothEnds, left!.Message);
        Assert.Equal(leg!.Id, Assert.Single(left.PhoneLegsStillConnected).Id);
        Assert.Equal(EngineMessages.HangUpBothEnds, first.Message);
        Assert.Equal(leg.Id, second.LegId);
        Assert.True(second.ConnectedForSeconds >= 60, $"connected for {second.ConnectedForSeconds}s");
    }

    [Fact]
    public async Task JoinAndLeave_OtherUser_PushesParticipantJoinedAndLeftToMeetingGroup()
    {
        var meetingId = await ScheduleAsync("adele");
        await using var adele = await _app.ConnectAsync("adele");
        var pushes = new PushRecorder(adele);
        await adele.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meetingId);
        using var megan = await _app.ClientForAsync("megan");

        (await megan.PostAsJsonAsync($"/api/meetings/{meetingId}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
        var joined = await pushes.WaitForAsync<ParticipantJoinedMessage>();
        (await megan.PostAsync($"/api/meetings/{meetingId}/leave", null)).EnsureSuccessStatusCode();
        var left = await pushes.WaitForAsync<ParticipantLeftMessage>();

        Assert.Equal("Megan Bowen", joined.DisplayName);
        Assert.False(joined.IsPhoneOnly);
        Assert.Equal(joined.ParticipantId, left.ParticipantId);
    }

    [Fact]
    public async Task EndMeeting_WithCallMeLegUp_PushesMeetingEndedAndReminder()
    {
        var meetingId = await ScheduleAsync("adele");
        using var lee = await _app.ClientForAsync("lee");
        (await lee.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = UsNumber })).EnsureSuccessStatusCode();
        await using var leeHub = await _app.ConnectAsync("lee");
        var leePushes = new PushRecorder(leeHub);
        await leeHub.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meetingId);
        using var adele = await _app.ClientForAsync("adele");

        (await adele.PostAsync($"/api/meetings/{meetingId}/end", null)).EnsureSuccessStatusCode();
        var ended = await leePushes.WaitForAsync<MeetingEndedMessage>();
        var reminder = await leePushes.WaitForAsync<HangUpReminderMessage>();

        Assert.Equal("adele", ended.EndedByUserId);
        Assert.Equal(1, ended.PhoneLegsStillConnected);
        Assert.Equal(meetingId, reminder.MeetingId);
    }

    [Fact]
    public async Task PoolHalfUsed_PushesPoolLowToAdminsOnly()
    {
        var meetingId = await ScheduleAsync("adele");
        await using var nestor = await _app.ConnectAsync("nestor");
        var adminPushes = new PushRecorder(nestor);
        await using var adele = await _app.ConnectAsync("adele");
        var userPushes = new PushRecorder(adele);
        using var http = await _app.ClientForAsync("adele");
        (await http.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = UsNumber })).EnsureSuccessStatusCode();

        _app.Advance(TimeSpan.FromMinutes(60));
        var low = await adminPushes.WaitForAsync<PoolLowMessage>();
        await Task.Delay(300);

        Assert.Equal(50, low.ThresholdPercent);
        Assert.Equal(120, low.MinutesAvailable);
        Assert.True(low.MinutesUsed >= 60);
        Assert.Empty(userPushes.All<PoolLowMessage>());
    }

    [Fact]
    public async Task AddFunds_PushesCreditsChangedToAdmins()
    {
        await using var nestor = await _app.ConnectAsync("nestor");
        var pushes = new PushRecorder(nestor);
        using var http = await _app.ClientForAsync("nestor");

        (await http.PostAsJsonAsync("/api/admin/credits/funds", new { amount = 25.00m })).EnsureSuccessStatusCode();
        var changed = await pushes.WaitForAsync<CreditsChangedMessage>();

        Assert.Equal(25.00m, changed.Balance);
        Assert.Equal("USD", changed.Currency);
    }

    /// <summary>Beyond Teams: the warning before a cut-off reaches the dialing user and the organizer.</summary>
    [Fact]
    public async Task CutOffWarning_PoolRunningOut_DialerAndOrganizerArePushedIt_OthersAreNot()
    {
        using var adeleHttp = await _app.ClientForAsync("adele");
        using var leeHttp = await _app.ClientForAsync("lee");
        var id = await ScheduleAsync("adele");
        var burn = await (await adeleHttp.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = UsNumber })).Content.ReadFromJsonAsync<CallLegView>();
        _app.Advance(TimeSpan.FromMinutes(113) + TimeSpan.FromSeconds(30)); // 6 pooled minutes left
        (await adeleHttp.PostAsync($"/api/calls/{burn!.Id}/hangup", null)).EnsureSuccessStatusCode();

        await using var adele = await _app.ConnectAsync("adele");
        await using var lee = await _app.ConnectAsync("lee");
        await using var megan = await _app.ConnectAsync("megan");
        var (adelePushes, leePushes, meganPushes) = (new PushRecorder(adele), new PushRecorder(lee), new PushRecorder(megan));
        (await leeHttp.PostAsJsonAsync($"/api/meetings/{id}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
        var leg = await (await leeHttp.PostAsJsonAsync($"/api/meetings/{id}/participants/phone", new { number = "4255550111" })).Content.ReadFromJsonAsync<CallLegView>();
        _app.Advance(TimeSpan.FromSeconds(61));

        foreach (var pushes in new[] { leePushes, adelePushes })
        {
            var w = await pushes.WaitForAsync<CutOffWarningMessage>();
            Assert.Equal((id, leg!.Id, "+14255550111", "+1 425-555-0111"), (w.MeetingId, w.LegId, w.ToNumber, w.ToDisplay));
            Assert.Equal((5, 5, EngineMessages.CutOffWarning(5)), (w.ThresholdMinutes, w.MinutesLeft, w.Message));
            Assert.False(w.CanAddFunds); // neither is a tenant admin
        }
        await Task.Delay(200);
        Assert.Empty(meganPushes.All<CutOffWarningMessage>());
        Assert.Single(leePushes.All<CutOffWarningMessage>()); // once per threshold
    }

    private async Task<string> ScheduleAsync(string organizer)
    {
        using var http = await _app.ClientForAsync(organizer);
        var response = await http.PostAsJsonAsync("/api/meetings", new { subject = "Pipeline review", durationMinutes = 60 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MeetingView>())!.Id;
    }
}
