namespace MeetingBot.Web.Api.Contracts;

/// <summary>"Meeting options" as the organizer sees them; saved with PUT /api/meetings/{id}/lobby.</summary>
/// <param name="LobbyBypass">Everyone, PeopleInMyOrganization or OnlyOrganizer.</param>
/// <param name="LobbyBypassChoices">Every accepted LobbyBypass name, in the order Teams lists them.</param>
public sealed record MeetingOptionsView(string MeetingId, string Subject, string OrganizerName, bool Ended, string LobbyBypass,
    bool DialInCallersBypass, IReadOnlyList<string> LobbyBypassChoices);
