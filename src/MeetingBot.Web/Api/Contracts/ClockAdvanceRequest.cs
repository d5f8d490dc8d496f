namespace MeetingBot.Web.Api.Contracts;

public sealed record ClockAdvanceRequest(int Minutes);
