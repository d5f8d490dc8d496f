namespace MeetingBot.Web.Api.Contracts;

public sealed record ClockView(DateTimeOffset Now);
