namespace MeetingBot.Web.Hubs.Messages;

/// <summary>
/// Several roster events of one meeting that were queued together, in order: each as the method and payload it has
/// when sent alone (<c>ParticipantJoined</c>, <c>ParticipantLeft</c>, <c>MeetingEnded</c>). One message per connection
/// instead of one per event is what keeps a burst's fan-out cheap.
/// </summary>
public sealed record MeetingEventsMessage(string MeetingId, IReadOnlyList<MeetingEventItem> Events);

/// <summary>One event of a <see cref="MeetingEventsMessage"/>: the hub method it stands for and that method's payload.</summary>
public sealed record MeetingEventItem(string Method, object Payload);
