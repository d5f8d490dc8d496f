namespace MeetingBot.Web.Api.Contracts;

/// <summary>The new PIN, returned once by "Reset PIN": there is no route that reads it back.</summary>
public sealed record OrganizerPinView(string Pin);
