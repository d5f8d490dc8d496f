namespace MeetingBot.Engine.Meetings;

/// <summary>The pre-join screen's audio choices.</summary>
public enum AudioMode
{
    ComputerAudio,
    PhoneAudio,
    NoAudio,
}
