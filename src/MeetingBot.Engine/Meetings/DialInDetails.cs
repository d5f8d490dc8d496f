namespace MeetingBot.Engine.Meetings;

/// <summary>What an invite shows when the organizer has Audio Conferencing.</summary>
public sealed record DialInDetails(
    string TollNumber,
    string? TollFreeNumber,
    string ConferenceId,
    string FindLocalNumberUrl,
    string ResetPinUrl);
