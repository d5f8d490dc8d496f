using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Hubs;
using MeetingBot.Web.Hubs.Messages;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.Web.Tests.Hubs;

/// <summary>Beyond Teams: the warning before a cut-off reaches the dialing user and the organizer over SignalR.</summary>
public sealed class CutOffWarningPushTests : IAsyncLifetime
{
    private const string UsNumber = "4055550100";
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PoolRunningOut_DialerAndOrganizerArePushedTheWarning_OthersAreNot()
    {
        using var adeleHttp = await _app.ClientForAsync("adele");
        using var leeHttp = await _app.ClientForAsync("lee");
        var id = (await (await adeleHttp.PostAsJsonAsync("/api/meetings", new { subject = "Sync" })).Content.ReadFromJsonAsync<MeetingView>())!.Id;
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
}
