namespace MeetingBot.Web.Api.Contracts;

/// <param name="Message">The hang-up-both-ends warning when a phone leg is still connected.</param>
public sealed record LeaveMeetingView(IReadOnlyList<CallLegView> PhoneLegsStillConnected, string? Message);
