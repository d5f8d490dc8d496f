namespace MeetingBot.Web.Api.Contracts;

/// <param name="Audio">"computer" or "none"; phone audio is the callme endpoint.</param>
public sealed record JoinMeetingRequest(string? Audio);
