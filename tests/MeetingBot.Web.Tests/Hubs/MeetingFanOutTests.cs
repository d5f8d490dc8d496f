using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using System.Net.Http.Json;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Meetings;
using MeetingBot.Web.Engine;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Hubs;
using MeetingBot.Web.Hubs.Messages;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Hubs;

/// <summary>
/// A meeting's connections are spread over several group shards so one event is written on several threads at
/// once. Every connection must still hear every event of the meeting, once, in the order the engine raised them.
/// </summary>
public sealed class MeetingFanOutTests : IAsyncLifetime
{
    private const string Tenant = "contoso";
    private MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void Meeting_AnyConnection_BelongsToExactlyOneShardOfTheMeeting()
    {
        var shards = HubGroups.MeetingShards(Tenant, "100000001");
        var used = Enumerable.Range(0, 400).Select(i => HubGroups.Meeting(Tenant, "100000001", $"conn-{i}-{Guid.NewGuid():N}")).ToList();

        Assert.Equal(HubGroups.MeetingShardCount, shards.Distinct().Count());
        Assert.All(used, name => Assert.Contains(name, shards));
        Assert.Equal(shards.Order(), used.Distinct().Order());
        Assert.Equal(HubGroups.Meeting(Tenant, "100000001", "same-id"), HubGroups.Meeting(Tenant, "100000001", "same-id"));
        Assert.DoesNotContain(HubGroups.Meeting(Tenant, "100000001", "same-id"), HubGroups.MeetingShards(Tenant, "100000002"));
    }

    [Theory]
    [InlineData(1)]   // every meeting event spread over the shards on parallel threads
    [InlineData(256)] // 18 connections: one thread writes every shard
    public async Task ParticipantEvents_RaisedBackToBack_EveryConnectionInEveryShardHearsAllInOrder(int parallelFrom)
    {
        const int Rounds = 40;
        await _app.DisposeAsync();
        _app = new MeetingBotAppFactory(new Dictionary<string, string?> { ["MeetingBot:ParallelFanOutFromConnections"] = $"{parallelFrom}" });
        var meetingId = await ScheduleAsync("adele");
        foreach (var user in new[] { "lee", "nestor" })
        {
            using var http = await _app.ClientForAsync(user);
            (await http.PostAsJsonAsync($"/api/meetings/{meetingId}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
        }
        var connections = new List<HubConnection>();
        var recorders = new List<PushRecorder>();
        try
        {
            foreach (var user in new[] { "adele", "lee", "nestor" })
                for (var i = 0; i < 6; i++)
                {
                    var connection = await _app.ConnectAsync(user);
                    connections.Add(connection);
                    recorders.Add(new PushRecorder(connection));
                    await connection.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meetingId);
                }
            var shardsInUse = connections.Select(c => HubGroups.Meeting(Tenant, meetingId, c.ConnectionId!)).Distinct().Count();

            // Straight into the engine, no HTTP in between: the events queue up in the host faster than they are
            // sent, which is when a send that overtook the previous one would show.
            for (var i = 0; i < Rounds; i++)
            {
                Assert.True((await _app.Tenants.Ask(Tenant, new JoinMeeting("megan", meetingId, AudioMode.ComputerAudio))).IsSuccess);
                Assert.True((await _app.Tenants.Ask(Tenant, new LeaveMeeting("megan", meetingId))).IsSuccess);
            }

            var expected = Enumerable.Range(0, Rounds).SelectMany(_ => new[] { "joined", "left" }).ToList();
            foreach (var recorder in recorders)
            {
                await recorder.WaitForAsync<ParticipantLeftMessage>(count: Rounds, timeout: TimeSpan.FromSeconds(30));
                var heard = recorder.Received()
                    .Select(m => m switch { ParticipantJoinedMessage { DisplayName: "Megan Bowen" } => "joined", ParticipantLeftMessage { DisplayName: "Megan Bowen" } => "left", _ => null })
                    .OfType<string>()
                    .ToList();
                Assert.Equal(expected, heard);
            }
            Assert.True(shardsInUse > 1, $"18 connections all landed in one shard of {HubGroups.MeetingShardCount}");
        }
        finally
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    [Fact]
    public async Task QueuedEvents_OneMeetingsRosterRunGoesAsOneMessage_EveryEventHeardOnceInOrder()
    {
        var meetingId = await ScheduleAsync("adele");
        var otherMeetingId = await ScheduleAsync("adele");
        await using var connection = await _app.ConnectAsync("adele");
        var recorder = new PushRecorder(connection);
        await connection.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meetingId);
        await connection.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), otherMeetingId);
        var pushes = _app.Services.GetServices<IEngineEventSubscriber>().OfType<SignalREventSubscriber>().Single();
        var at = MeetingBotAppFactory.Start;
        EngineEvent[] queued =
        [
            new ParticipantJoined(Tenant, at, meetingId, "p-1", "Megan Bowen", false, false),
            new ParticipantLeft(Tenant, at, meetingId, "p-1", "Megan Bowen"),
            new ParticipantJoined(Tenant, at, meetingId, "p-2", "Megan Bowen", false, true),
            // Another meeting's event ends the run; a leg change is not a roster event and goes alone.
            new ParticipantJoined(Tenant, at, otherMeetingId, "p-3", "Lee Gu", false, false),
            new CallLegStateChanged(Tenant, at, "leg-1", meetingId, "adele", CallLegKind.CallMe,
                "+12065550100", CallLegState.Ringing, 0),
            new ParticipantLeft(Tenant, at, meetingId, "p-2", "Megan Bowen"),
            new MeetingEnded(Tenant, at, meetingId, "adele", 0),
        ];

        await pushes.HandleBatchAsync(queued, CancellationToken.None);
        await recorder.WaitForAsync<MeetingEndedMessage>(timeout: TimeSpan.FromSeconds(10));

        var heard = recorder.Received().Select(m => m switch
        {
            ParticipantJoinedMessage j => $"joined {j.MeetingId} {j.ParticipantId}{(j.InLobby ? " lobby" : "")}",
            ParticipantLeftMessage l => $"left {l.MeetingId} {l.ParticipantId}",
            CallLegStateChangedMessage c => $"leg {c.MeetingId} {c.State}",
            MeetingEndedMessage e => $"ended {e.MeetingId}",
            _ => m.GetType().Name,
        }).ToList();
        Assert.Equal([
            $"joined {meetingId} p-1", $"left {meetingId} p-1", $"joined {meetingId} p-2 lobby",
            $"joined {otherMeetingId} p-3",
            $"leg {meetingId} Ringing",
            $"left {meetingId} p-2", $"ended {meetingId}",
        ], heard);
        Assert.Equal(2, recorder.Batches); // p-1 joined, left, p-2 joined; then p-2 left and the end
        Assert.Equal(at, recorder.All<ParticipantJoinedMessage>()[0].At);
        Assert.Equal("Megan Bowen", recorder.All<ParticipantLeftMessage>()[0].DisplayName);
    }

    [Fact]
    public async Task ConnectionCounter_JoinTwiceLeaveAndDisconnect_CountsEachConnectionOnce()
    {
        var meetingId = await ScheduleAsync("adele");
        var counter = _app.Services.GetRequiredService<MeetingConnectionCounter>();
        await using var first = await _app.ConnectAsync("adele");
        var second = await _app.ConnectAsync("adele");

        await first.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meetingId);
        await first.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meetingId);
        await second.InvokeAsync<MeetingSnapshot>(nameof(MeetingHub.JoinMeeting), meetingId);
        var afterJoins = counter.Count(Tenant, meetingId);
        await first.InvokeAsync(nameof(MeetingHub.LeaveMeetingGroup), meetingId);
        await first.InvokeAsync(nameof(MeetingHub.LeaveMeetingGroup), meetingId);
        var afterLeave = counter.Count(Tenant, meetingId);
        await second.DisposeAsync();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (counter.Count(Tenant, meetingId) != 0 && DateTime.UtcNow < deadline) await Task.Delay(20);

        Assert.Equal(2, afterJoins);
        Assert.Equal(1, afterLeave);
        Assert.Equal(0, counter.Count(Tenant, meetingId));
        Assert.Equal(0, counter.Count(Tenant, "999999999"));
    }

    private async Task<string> ScheduleAsync(string organizer)
    {
        using var http = await _app.ClientForAsync(organizer);
        var response = await http.PostAsJsonAsync("/api/meetings", new { subject = "All hands", durationMinutes = 60 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MeetingView>())!.Id;
    }
}
