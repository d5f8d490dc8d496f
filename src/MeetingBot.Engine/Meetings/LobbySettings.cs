namespace MeetingBot.Engine.Meetings;

public sealed record LobbySettings(LobbyBypass Bypass, bool DialInCallersBypass)
{
    public static LobbySettings Default { get; } = new(LobbyBypass.PeopleInMyOrganization, DialInCallersBypass: false);
}
