using MeetingBot.Engine;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Phone;
using MeetingBot.Web.Engine;
using MeetingBot.Web.Hubs.Messages;
using Microsoft.AspNetCore.SignalR;

namespace MeetingBot.Web.Hubs;

/// <summary>
/// Pushes every engine event to the group that should hear it: personal events to the user's group, meeting
/// events to the meeting's group, pool and credit events to the tenant's admins.
/// </summary>
public sealed class SignalREventSubscriber(IHubContext<MeetingHub, IMeetingClient> hub, ConferenceEngine engine) : IEngineEventSubscriber
{
    public Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken) => engineEvent switch
    {
        CallingFeatureUnavailable e => User(e.TenantId, e.UserId).CallingFeatureUnavailable(
            new CallingFeatureUnavailableMessage(e.UserId, e.MeetingId, e.Reason.ToString(), e.Message, e.At)),
        HangUpReminder e => User(e.TenantId, e.UserId).HangUpReminder(
            new HangUpReminderMessage(e.MeetingId, e.LegId, e.ToNumber, Display(e.ToNumber), SecondsOf(e.ConnectedFor), e.Message, e.At)),
        OrphanedLegEnded e => User(e.TenantId, e.UserId).OrphanedLegEnded(
            new OrphanedLegEndedMessage(e.MeetingId, e.LegId, e.ToNumber, Display(e.ToNumber), e.At)),
        CallLegStateChanged e => LegAudience(e).CallLegStateChanged(
            new CallLegStateChangedMessage(e.MeetingId, e.LegId, e.UserId, e.Kind.ToString(), e.ToNumber, Display(e.ToNumber), e.State.ToString(), e.MinutesPaid, e.At)),
        ParticipantJoined e => Meeting(e.TenantId, e.MeetingId).ParticipantJoined(
            new ParticipantJoinedMessage(e.MeetingId, e.ParticipantId, e.DisplayName, e.IsPhoneOnly, e.InLobby, e.At)),
        ParticipantLeft e => Meeting(e.TenantId, e.MeetingId).ParticipantLeft(
            new ParticipantLeftMessage(e.MeetingId, e.ParticipantId, e.DisplayName, e.At)),
        MeetingEnded e => Meeting(e.TenantId, e.MeetingId).MeetingEnded(
            new MeetingEndedMessage(e.MeetingId, e.EndedByUserId, e.PhoneLegsStillConnected, e.At)),
        PoolLow e => Admins(e.TenantId).PoolLow(new PoolLowMessage(e.ThresholdPercent, e.MinutesUsed, e.MinutesAvailable, e.At)),
        CreditsChanged e => Admins(e.TenantId).CreditsChanged(
            new CreditsChangedMessage(e.Balance, engine.GetTenant(e.TenantId).Value?.Currency ?? "", e.Reason, e.At)),
        _ => Task.CompletedTask,
    };

    /// <summary>
    /// The meeting's group hears every leg. A user who left the meeting (and its group) still owns a phone leg
    /// that is up, so an orphaned leg's changes also go to its user; clients treat the message as idempotent.
    /// </summary>
    private IMeetingClient LegAudience(CallLegStateChanged e)
    {
        var meeting = HubGroups.Meeting(e.TenantId, e.MeetingId);
        if (e.UserId is null || engine.GetLeg(e.TenantId, e.LegId).Value is not { IsOrphaned: true }) return hub.Clients.Group(meeting);
        return hub.Clients.Groups(meeting, HubGroups.User(e.TenantId, e.UserId));
    }

    private IMeetingClient User(string tenantId, string userId) => hub.Clients.Group(HubGroups.User(tenantId, userId));
    private IMeetingClient Meeting(string tenantId, string meetingId) => hub.Clients.Group(HubGroups.Meeting(tenantId, meetingId));
    private IMeetingClient Admins(string tenantId) => hub.Clients.Group(HubGroups.Admins(tenantId));

    private static string Display(string e164) => PhoneNumberNormalizer.Display(e164);

    private static int SecondsOf(TimeSpan duration) => (int)Math.Min(int.MaxValue, Math.Max(0, duration.TotalSeconds));
}
