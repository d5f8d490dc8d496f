namespace MeetingBot.Testing.Transcripts;

/// <summary>A replayed transcript's bot replies differ from the recorded ones; the message is the readable diff.</summary>
public sealed class TranscriptMismatchException(string transcript, int turn, IReadOnlyList<TranscriptDifference> differences, string message)
    : Exception(message)
{
    public string Transcript { get; } = transcript;
    /// <summary>1-based: the n-th user activity, whose replies differ (0: bot activities before the first user activity).</summary>
    public int Turn { get; } = turn;
    public IReadOnlyList<TranscriptDifference> Differences { get; } = differences;
}
