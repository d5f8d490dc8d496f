namespace MeetingBot.Web.Api.Contracts;

/// <param name="Start">Defaults to now.</param>
/// <param name="DurationMinutes">Defaults to 30.</param>
public sealed record CreateMeetingRequest(string? Subject, DateTimeOffset? Start, int? DurationMinutes);
