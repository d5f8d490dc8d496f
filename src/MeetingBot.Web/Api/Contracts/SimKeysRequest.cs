namespace MeetingBot.Web.Api.Contracts;

/// <param name="Keys">1 to 32 of 0-9, * and #, pressed in order (e.g. "1", "*6", "*1").</param>
public sealed record SimKeysRequest(string? Keys);
