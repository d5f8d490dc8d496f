using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Phone;
using MeetingBot.Web.Composition;
using MeetingBot.Web.Engine;
using MeetingBot.Web.Hubs.Messages;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Hubs;

/// <summary>
/// Pushes every engine event to the group that should hear it: personal events to the user's group, meeting
/// events to the meeting's group, pool and credit events to the tenant's admins. A run of one meeting's roster events
/// that were queued together (a burst) goes to the meeting's group as one <c>MeetingEvents</c> message.
/// </summary>
public sealed class SignalREventSubscriber(
    IHubContext<MeetingHub, IMeetingClient> hub,
    ITenants tenants,
    MeetingConnectionCounter counter,
    IOptions<MeetingBotOptions> options,
    ILogger<SignalREventSubscriber>? logger = null) : IEngineEventBatchSubscriber
{
    private readonly int _parallelFrom = Math.Max(1, options.Value.ParallelFanOutFromConnections);

    public Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken) => engineEvent switch
    {
        CallingFeatureUnavailable e => User(e.TenantId, e.UserId).CallingFeatureUnavailable(
            new CallingFeatureUnavailableMessage(e.UserId, e.MeetingId, e.Reason.ToString(), e.Message, e.At)),
        HangUpReminder e => User(e.TenantId, e.UserId).HangUpReminder(
            new HangUpReminderMessage(e.MeetingId, e.LegId, e.ToNumber, Display(e.ToNumber), SecondsOf(e.ConnectedFor), e.Message, e.At)),
        AddedPhoneStillConnected e => User(e.TenantId, e.UserId).AddedPhoneStillConnected(
            new AddedPhoneStillConnectedMessage(e.MeetingId, e.LegId, e.ToNumber, Display(e.ToNumber), e.RatePerMinute, e.Currency,
                Bot.Cards.CardFormat.AddedPhoneStillConnected(e.ToNumber, e.MeetingId, e.RatePerMinute, e.Currency), e.At)),
        OrphanedLegEnded e => User(e.TenantId, e.UserId).OrphanedLegEnded(
            new OrphanedLegEndedMessage(e.MeetingId, e.LegId, e.ToNumber, Display(e.ToNumber), e.At, e.Reason.ToString(),
                Bot.Cards.CardFormat.OrphanedLegEnded(e.ToNumber, e.MeetingId, e.Reason))),
        CallLegStateChanged e => LegAudience(e).CallLegStateChanged(
            new CallLegStateChangedMessage(e.MeetingId, e.LegId, e.UserId, e.Kind.ToString(), e.ToNumber, Display(e.ToNumber), e.State.ToString(), e.MinutesPaid, e.At, e.IsMuted)),
        ParticipantJoined e => ToMeeting(e.TenantId, e.MeetingId, Message(e), static (c, m) => c.ParticipantJoined(m)),
        ParticipantLeft e => ToMeeting(e.TenantId, e.MeetingId, Message(e), static (c, m) => c.ParticipantLeft(m)),
        MeetingEnded e => ToMeeting(e.TenantId, e.MeetingId, Message(e), static (c, m) => c.MeetingEnded(m)),
        CutOffWarning e => CutOffWarningAsync(e),
        DialOutApprovalRequested e => User(e.TenantId, e.Approval.OrganizerId).DialOutApprovalRequested(
            new DialOutApprovalRequestedMessage(Api.ViewMapper.ToView(e.Approval), Bot.Cards.GuardrailWords.Request(e.Approval), e.At)),
        DialOutApprovalDecided e => hub.Clients.Groups(HubGroups.User(e.TenantId, e.Approval.RequesterId), HubGroups.User(e.TenantId, e.Approval.OrganizerId))
            .DialOutApprovalDecided(new DialOutApprovalDecidedMessage(Api.ViewMapper.ToView(e.Approval), e.Message, e.At)),
        PoolLow e => Admins(e.TenantId).PoolLow(new PoolLowMessage(e.ThresholdPercent, e.MinutesUsed, e.MinutesAvailable, e.At)),
        CreditsChanged e => Admins(e.TenantId).CreditsChanged(
            new CreditsChangedMessage(e.Balance, tenants.Catalog.Find(e.TenantId)?.Currency ?? "", e.Reason, e.At)),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// Events queued together, in order. Consecutive roster events of one meeting become one <c>MeetingEvents</c>
    /// message to its group; everything else is sent as <see cref="HandleAsync"/> sends it. Each send waits for the
    /// one before, so every connection still hears a meeting's events in order, and a failed send loses only itself.
    /// </summary>
    public async Task HandleBatchAsync(IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken)
    {
        var rosters = events.Select(Roster).ToArray();
        for (var i = 0; i < events.Count;)
        {
            var run = i + 1;
            if (rosters[i] is { } first)
                while (run < events.Count && rosters[run] is { } next && next.TenantId == first.TenantId && next.MeetingId == first.MeetingId) run++;
            if (run - i > 1)
            {
                var items = rosters[i..run].Select(r => r!.Value.Item).ToList();
                var (tenantId, meetingId, _) = rosters[i]!.Value;
                await SendAsync(() => ToMeeting(tenantId, meetingId, new MeetingEventsMessage(meetingId, items), static (c, m) => c.MeetingEvents(m)), events[i], items.Count);
            }
            else
            {
                var e = events[i];
                await SendAsync(() => HandleAsync(e, cancellationToken), e, 1);
            }
            i = run;
        }
    }

    private async Task SendAsync(Func<Task> send, EngineEvent first, int count)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger?.LogError(ex, "Pushing {Count} event(s) starting with {Event} failed", count, first.GetType().Name);
        }
    }

    /// <summary>A roster event of a meeting (what may share a <c>MeetingEvents</c> message), or null.</summary>
    private static (string TenantId, string MeetingId, MeetingEventItem Item)? Roster(EngineEvent engineEvent) => engineEvent switch
    {
        ParticipantJoined e => (e.TenantId, e.MeetingId, new MeetingEventItem(nameof(IMeetingClient.ParticipantJoined), Message(e))),
        ParticipantLeft e => (e.TenantId, e.MeetingId, new MeetingEventItem(nameof(IMeetingClient.ParticipantLeft), Message(e))),
        MeetingEnded e => (e.TenantId, e.MeetingId, new MeetingEventItem(nameof(IMeetingClient.MeetingEnded), Message(e))),
        _ => null,
    };

    private static ParticipantJoinedMessage Message(ParticipantJoined e) => new(e.MeetingId, e.ParticipantId, e.DisplayName, e.IsPhoneOnly, e.InLobby, e.At);
    private static ParticipantLeftMessage Message(ParticipantLeft e) => new(e.MeetingId, e.ParticipantId, e.DisplayName, e.At);
    private static MeetingEndedMessage Message(MeetingEnded e) => new(e.MeetingId, e.EndedByUserId, e.PhoneLegsStillConnected, e.At);

    /// <summary>To the dialing user and the organizer, each told whether they may add funds (tenant admins may).</summary>
    private async Task CutOffWarningAsync(CutOffWarning e)
    {
        foreach (var userId in e.Recipients)
        {
            var isAdmin = (await tenants.Ask(e.TenantId, new GetUser(userId))) is { IsSuccess: true, Value.IsTenantAdmin: true };
            await User(e.TenantId, userId).CutOffWarning(new CutOffWarningMessage(e.MeetingId, e.LegId, e.ToNumber, Display(e.ToNumber),
                e.ThresholdMinutes, e.MinutesLeft, e.Prompt, isAdmin, e.At));
        }
    }

    /// <summary>
    /// The meeting's group hears every leg. A user who left the meeting (and its group) still owns a phone leg
    /// that is up, so an orphaned leg's changes also go to its user; clients treat the message as idempotent.
    /// </summary>
    private IMeetingClient LegAudience(CallLegStateChanged e)
    {
        var meeting = HubGroups.MeetingShards(e.TenantId, e.MeetingId);
        if (e.UserId is null || !e.IsOrphaned) return hub.Clients.Groups(meeting);
        return hub.Clients.Groups([.. meeting, HubGroups.User(e.TenantId, e.UserId)]);
    }

    /// <summary>
    /// One meeting event to every shard of the meeting's group. For a big meeting each shard's writes run on their
    /// own thread, so the fan-out uses every core; for a few connections one call writes them all. Either way it
    /// returns when every shard's send has completed, so the dispatcher starts the next event only after this one
    /// was written to every connection: each connection still hears a meeting's events in order.
    /// </summary>
    private Task ToMeeting<TMessage>(string tenantId, string meetingId, TMessage message, Func<IMeetingClient, TMessage, Task> send)
    {
        var shards = HubGroups.MeetingShards(tenantId, meetingId);
        if (counter.Count(tenantId, meetingId) < _parallelFrom) return send(hub.Clients.Groups(shards), message);
        var sends = new Task[shards.Length];
        for (var i = 1; i < shards.Length; i++)
        {
            var group = hub.Clients.Group(shards[i]);
            sends[i] = Task.Run(() => send(group, message));
        }
        sends[0] = send(hub.Clients.Group(shards[0]), message);
        return Task.WhenAll(sends);
    }

    private IMeetingClient User(string tenantId, string userId) => hub.Clients.Group(HubGroups.User(tenantId, userId));
    private IMeetingClient Admins(string tenantId) => hub.Clients.Group(HubGroups.Admins(tenantId));

    private static string Display(string e164) => PhoneNumberNormalizer.Display(e164);

    private static int SecondsOf(TimeSpan duration) => (int)Math.Min(int.MaxValue, Math.Max(0, duration.TotalSeconds));
}
