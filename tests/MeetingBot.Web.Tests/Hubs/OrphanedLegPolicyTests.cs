using System.Net.Http.Json;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Hubs.Messages;
using MeetingBot.Web.Tests.Api;

namespace MeetingBot.Web.Tests.Hubs;

/// <summary>Beyond Teams: a tenant policy ends a phone leg left up after its user left, and tells the user.</summary>
public sealed class OrphanedLegPolicyTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new(new Dictionary<string, string?>
    {
        ["MeetingBot:Engine:EndOrphanedLegsAfter"] = "00:05:00",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OrphanedLeg_PolicyTimeElapsed_PushesOrphanedLegEndedToUser()
    {
        using var http = await _app.ClientForAsync("adele");
        var meeting = await (await http.PostAsJsonAsync("/api/meetings", new { subject = "Standup" })).Content.ReadFromJsonAsync<MeetingView>();
        var leg = await (await http.PostAsJsonAsync($"/api/meetings/{meeting!.Id}/callme", new { number = "4055550100" })).Content.ReadFromJsonAsync<CallLegView>();
        await using var adele = await _app.ConnectAsync("adele");
        var pushes = new PushRecorder(adele);
        (await http.PostAsync($"/api/meetings/{meeting.Id}/leave", null)).EnsureSuccessStatusCode();

        _app.Advance(TimeSpan.FromMinutes(5));
        var ended = await pushes.WaitForAsync<OrphanedLegEndedMessage>();
        var state = await pushes.WaitForAsync<CallLegStateChangedMessage>(m => m.State == "Ended");

        Assert.Equal(leg!.Id, ended.LegId);
        Assert.Equal("+14055550100", ended.ToNumber);
        Assert.Equal(leg.Id, state.LegId);
    }
}
