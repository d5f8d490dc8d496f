namespace MeetingBot.Web.Api.Contracts;

public sealed record SimDigitsRequest(string? Digits);
