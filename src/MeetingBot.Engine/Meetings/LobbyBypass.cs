namespace MeetingBot.Engine.Meetings;

/// <summary>Who can bypass the lobby ("Meeting options").</summary>
public enum LobbyBypass
{
    Everyone,
    PeopleInMyOrganization,
    OnlyOrganizer,
}
