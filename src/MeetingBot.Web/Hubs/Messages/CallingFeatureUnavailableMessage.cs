namespace MeetingBot.Web.Hubs.Messages;

/// <summary>A dial-out was refused or a call was cut off. <c>Message</c> is the exact Teams text.</summary>
/// <param name="Reason">The EngineError name, e.g. CallingFeatureNotSetUp or DestinationNotAllowed.</param>
public sealed record CallingFeatureUnavailableMessage(string UserId, string? MeetingId, string Reason, string Message, DateTimeOffset At);
