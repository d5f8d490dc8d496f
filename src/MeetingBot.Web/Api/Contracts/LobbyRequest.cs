namespace MeetingBot.Web.Api.Contracts;

/// <param name="Bypass">Everyone, PeopleInMyOrganization or OnlyOrganizer.</param>
public sealed record LobbyRequest(string? Bypass, bool DialInCallersBypass);
