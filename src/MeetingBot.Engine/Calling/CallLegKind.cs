namespace MeetingBot.Engine.Calling;

public enum CallLegKind
{
    /// <summary>"Call me": phone audio for the user who asked, from the pre-join screen.</summary>
    CallMe,
    /// <summary>"Add participant by phone": that person hears the meeting but sees no content.</summary>
    AddedParticipant,
    /// <summary>A caller who dialed the toll number.</summary>
    DialInToll,
    /// <summary>A caller who dialed the toll-free number (charged to credits).</summary>
    DialInTollFree,
}
