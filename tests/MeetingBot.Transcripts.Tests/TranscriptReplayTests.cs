using MeetingBot.Testing.Transcripts;

namespace MeetingBot.Transcripts.Tests;

/// <summary>Every tests/**/*.transcript replayed against the bot: drop a file from the Emulator under tests/ and it runs.</summary>
public sealed class TranscriptReplayTests
{
    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in TranscriptFile.FindAll(RepositoryPaths.Tests)) data.Add(Path.GetRelativePath(RepositoryPaths.Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Replay_RecordedTranscript_BotRepliesMatch(string transcript)
    {
        var turns = await TranscriptReplay.VerifyAsync(Path.Combine(RepositoryPaths.Root, transcript));
        Assert.True(turns > 0, $"{transcript} has no user activity to replay");
    }

    [Fact]
    public void Transcripts_CheckedIn_AtLeastEightFlows() =>
        Assert.True(Transcripts().Count >= 8, $"only {Transcripts().Count} transcripts under tests/");
}
