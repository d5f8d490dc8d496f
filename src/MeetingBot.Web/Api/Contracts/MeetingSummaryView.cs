namespace MeetingBot.Web.Api.Contracts;

public sealed record MeetingSummaryView(string Id, string Subject, string OrganizerId, DateTimeOffset Start, DateTimeOffset End, bool IsOrganizer, bool Ended, string JoinUrl);
