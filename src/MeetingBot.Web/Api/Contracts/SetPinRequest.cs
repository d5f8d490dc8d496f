namespace MeetingBot.Web.Api.Contracts;

/// <param name="Pin">4 to 12 digits.</param>
public sealed record SetPinRequest(string? Pin);
