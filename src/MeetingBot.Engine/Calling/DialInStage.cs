namespace MeetingBot.Engine.Calling;

public enum DialInStage
{
    /// <summary>"Please enter the conference ID followed by the pound key."</summary>
    AwaitingConferenceId,
    /// <summary>"If you are the organizer, enter your PIN followed by pound. Otherwise, press pound."</summary>
    AwaitingPin,
    InLobby,
    Admitted,
    Disconnected,
}
