namespace MeetingBot.Web.Api.Contracts;

public sealed record SimDialInRequest(string? DialedNumber, string? CallerNumber);
