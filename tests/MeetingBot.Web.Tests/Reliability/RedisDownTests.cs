using MeetingBot.Web.Hubs;
using MeetingBot.Web.Hubs.Messages;
using MeetingBot.Web.Tests.Api;
using MeetingBot.Web.Tests.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>The Redis backplane is configured but nothing listens there: what still works on a single host.</summary>
public sealed class RedisDownTests
{
    /// <summary>
    /// With Redis unreachable, SignalR's own Redis manager fails every connect and send; the host's resilient
    /// manager keeps the connection and delivers on this host.
    /// </summary>
    [Fact]
    public async Task UserGroupPush_RedisUnreachable_StillReachesTheHostsOwnClient()
    {
        await using var host = new MeetingBotAppFactory(new Dictionary<string, string?>
        {
            ["MeetingBot:Redis"] = "127.0.0.1:1,abortConnect=false,connectTimeout=500,connectRetry=0",
        });
        Assert.IsType<ResilientHubLifetimeManager<MeetingHub>>(host.Services.GetRequiredService<HubLifetimeManager<MeetingHub>>());
        await using var lee = await host.ConnectAsync("lee");
        var pushes = new PushRecorder(lee);
        await lee.InvokeAsync<IReadOnlyList<Web.Api.Contracts.CallLegView>>(nameof(MeetingHub.GetMyOrphanedLegs));

        var hub = host.Services.GetRequiredService<IHubContext<MeetingHub, IMeetingClient>>();
        var sent = await Record.ExceptionAsync(() => hub.Clients.Group(HubGroups.User("contoso", "lee")).HangUpReminder(
            new HangUpReminderMessage("m-1", "leg-1", "+14055550100", "+1 405-555-0100", 90, "while Redis is down", DateTimeOffset.UtcNow)));
        var received = await Record.ExceptionAsync(() => pushes.WaitForAsync<HangUpReminderMessage>(timeout: TimeSpan.FromSeconds(3)));

        Assert.Null(sent);
        Assert.Null(received);
    }
}
