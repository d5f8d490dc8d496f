namespace MeetingBot.Testing.Transcripts;

/// <param name="Path">Where in the turn's replies, e.g. <c>replies[0].attachments[0].content.body[2].text</c>.</param>
/// <param name="Expected">The recorded value (normalized), or "(none)".</param>
/// <param name="Actual">The bot's value now (normalized), or "(none)".</param>
public sealed record TranscriptDifference(string Path, string Expected, string Actual);
