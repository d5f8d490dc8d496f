namespace MeetingBot.Engine.Calling;

public static class DialInPrompts
{
    public const string EnterConferenceId = "Welcome. Please enter the conference ID followed by the pound key.";
    public const string EnterPinOrPound = "If you are the meeting organizer, enter your PIN followed by pound. Otherwise, press pound.";
    public const string TryAgain = "That conference ID was not found. Please enter the conference ID followed by the pound key.";
    public const string WrongPin = "That PIN is not correct. Enter your PIN followed by pound, or press pound to join as a guest.";
    public const string Lobby = "Please wait. Someone in the meeting will let you in soon.";
    public const string Joined = "You are now joining the meeting.";
    public const string NoInput = "We didn't receive any input. Goodbye.";
}
