using MeetingBot.Web.Hubs.Messages;

namespace MeetingBot.Web.Hubs;

/// <summary>What the server pushes to web clients. Method names are the wire names (see docs/realtime.md).</summary>
public interface IMeetingClient
{
    Task CallingFeatureUnavailable(CallingFeatureUnavailableMessage message);
    Task HangUpReminder(HangUpReminderMessage message);
    Task CallLegStateChanged(CallLegStateChangedMessage message);
    Task ParticipantJoined(ParticipantJoinedMessage message);
    Task ParticipantLeft(ParticipantLeftMessage message);
    Task MeetingEnded(MeetingEndedMessage message);
    Task MeetingEvents(MeetingEventsMessage message);
    Task PoolLow(PoolLowMessage message);
    Task CreditsChanged(CreditsChangedMessage message);
    Task OrphanedLegEnded(OrphanedLegEndedMessage message);
    Task AddedPhoneStillConnected(AddedPhoneStillConnectedMessage message);
    Task CutOffWarning(CutOffWarningMessage message);
    Task DialOutApprovalRequested(DialOutApprovalRequestedMessage message);
    Task DialOutApprovalDecided(DialOutApprovalDecidedMessage message);
}
