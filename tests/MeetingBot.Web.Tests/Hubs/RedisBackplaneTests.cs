using System.Net.Sockets;
using MeetingBot.Web.Hubs;
using MeetingBot.Web.Hubs.Messages;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Hubs;

/// <summary>
/// Two hosts sharing Redis: a push made on host A reaches a client connected to host B. Needs redis-server on
/// 127.0.0.1:6379 (scripts/test.sh starts one); outside CI the test is skipped when none answers.
/// </summary>
public sealed class RedisBackplaneTests
{
    private const string RedisAddress = "127.0.0.1:6379";

    [SkippableRedisFact]
    public async Task GroupPush_OnHostA_ReachesClientOnHostB()
    {
        var settings = new Dictionary<string, string?> { ["MeetingBot:Redis"] = RedisAddress };
        await using var hostA = new MeetingBotAppFactory(settings);
        await using var hostB = new MeetingBotAppFactory(settings);
        Assert.IsType<ResilientHubLifetimeManager<MeetingHub>>(hostA.Services.GetRequiredService<HubLifetimeManager<MeetingHub>>());
        await using var onB = await hostB.ConnectAsync("lee");
        var pushes = new PushRecorder(onB);
        // A hub call completes only after OnConnectedAsync, so lee's user group is subscribed on Redis by now.
        await onB.InvokeAsync<IReadOnlyList<Web.Api.Contracts.CallLegView>>(nameof(MeetingHub.GetMyOrphanedLegs));
        var marker = Guid.NewGuid().ToString("N");

        var hubOnA = hostA.Services.GetRequiredService<IHubContext<MeetingHub, IMeetingClient>>();
        await hubOnA.Clients.Group(HubGroups.User("contoso", "lee")).HangUpReminder(
            new HangUpReminderMessage("m-" + marker, "leg-" + marker, "+14055550100", "+1 405-555-0100", 90, "from host A", DateTimeOffset.UtcNow));
        var received = await pushes.WaitForAsync<HangUpReminderMessage>(m => m.LegId == "leg-" + marker);

        Assert.Equal("from host A", received.Message);
        Assert.Equal(90, received.ConnectedForSeconds);
    }

    [SkippableRedisFact]
    public async Task MeetingEventsBatch_SentOnHostA_ReachesMeetingClientOnHostB_EveryEventInOrder()
    {
        var settings = new Dictionary<string, string?> { ["MeetingBot:Redis"] = RedisAddress };
        await using var hostA = new MeetingBotAppFactory(settings);
        await using var hostB = new MeetingBotAppFactory(settings);
        using var http = await hostB.ClientForAsync("adele");
        var created = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/meetings", new { subject = "Across hosts", durationMinutes = 30 });
        created.EnsureSuccessStatusCode();
        var meetingId = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Web.Api.Contracts.MeetingView>(created.Content))!.Id;
        await using var onB = await hostB.ConnectAsync("adele");
        var pushes = new PushRecorder(onB);
        await onB.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meetingId);
        var at = DateTimeOffset.UtcNow;

        var hubOnA = hostA.Services.GetRequiredService<IHubContext<MeetingHub, IMeetingClient>>();
        await hubOnA.Clients.Groups(HubGroups.MeetingShards("contoso", meetingId)).MeetingEvents(new MeetingEventsMessage(meetingId,
        [
            new MeetingEventItem(nameof(IMeetingClient.ParticipantJoined), new ParticipantJoinedMessage(meetingId, "p-9", "Pat Remote", true, false, at)),
            new MeetingEventItem(nameof(IMeetingClient.ParticipantLeft), new ParticipantLeftMessage(meetingId, "p-9", "Pat Remote", at)),
        ]));
        await pushes.WaitForAsync<ParticipantLeftMessage>(m => m.ParticipantId == "p-9");

        Assert.Equal(1, pushes.Batches);
        var heard = pushes.Received().Where(m => m is ParticipantJoinedMessage { ParticipantId: "p-9" } or ParticipantLeftMessage { ParticipantId: "p-9" }).ToList();
        Assert.IsType<ParticipantJoinedMessage>(heard[0]);
        Assert.True(((ParticipantJoinedMessage)heard[0]).IsPhoneOnly);
        Assert.IsType<ParticipantLeftMessage>(heard[1]);
        Assert.Equal(2, heard.Count);
    }

    /// <summary>Skips without Redis locally; in CI (CI=true) the test always runs, so a missing Redis fails it.</summary>
    private sealed class SkippableRedisFactAttribute : FactAttribute
    {
        public SkippableRedisFactAttribute()
        {
            var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
            if (!inCi && !RedisAnswers()) Skip = $"No Redis at {RedisAddress} (start one with scripts/test.sh); in CI this test runs.";
        }

        private static bool RedisAnswers()
        {
            try
            {
                using var client = new TcpClient();
                return client.ConnectAsync("127.0.0.1", 6379).Wait(TimeSpan.FromSeconds(1));
            }
            catch (Exception e) when (e is SocketException or AggregateException)
            {
                return false;
            }
        }
    }
}
