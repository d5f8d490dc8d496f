namespace MeetingBot.Web.Api.Contracts;

public sealed record PhoneNumberRequest(string? Number);
