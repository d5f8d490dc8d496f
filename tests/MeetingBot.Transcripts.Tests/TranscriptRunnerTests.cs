using MeetingBot.Testing.Transcripts;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Transcripts.Tests;

/// <summary>The replay itself: it fails on a changed reply with a readable diff, and does not fail on what differs by design.</summary>
public sealed class TranscriptRunnerTests
{
    private static List<JObject> Recorded(string name) =>
        TranscriptFile.Read(Path.Combine(RepositoryPaths.Transcripts, name + ".transcript")).Select(a => (JObject)a.DeepClone()).ToList();

    private static JObject BotReply(List<JObject> transcript, Func<JObject, bool> match) =>
        transcript.First(a => (string?)a["from"]?["role"] != "user" && match(a));

    [Fact]
    public async Task Replay_ChangedReplyText_FailsWithTurnPathExpectedAndActual()
    {
        var transcript = Recorded("cut-off");
        var reply = BotReply(transcript, a => ((string?)a["text"])?.Contains("cut off after 120", StringComparison.Ordinal) == true);
        reply["text"] = ((string)reply["text"]!).Replace("120 minute(s)", "119 minute(s)", StringComparison.Ordinal);

        var result = await TranscriptReplay.ReplayAsync(transcript, "cut-off (changed)");

        var mismatch = Assert.IsType<TranscriptMismatchException>(result.Mismatch);
        Assert.Equal(4, mismatch.Turn);
        var difference = Assert.Single(mismatch.Differences);
        Assert.Equal("replies[3].text", difference.Path); // after the two warnings before the cut-off
        Assert.Contains("119 minute(s)", difference.Expected, StringComparison.Ordinal);
        Assert.Contains("120 minute(s)", difference.Actual, StringComparison.Ordinal);
        Assert.Contains("turn 4 of 5 (user: \"fast forward 30\")", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("at replies[3].text\n    expected: \"📞 The call to +1 405-555-0100 in meeting {meeting#1} was cut off after 119 minute(s)", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains("    actual:   \"📞 The call to +1 405-555-0100 in meeting {meeting#1} was cut off after 120 minute(s)", mismatch.Message, StringComparison.Ordinal);
        Assert.Contains(TranscriptReplay.RerecordVariable, mismatch.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_ChangedCardButtonTitle_FailsAtThatActionsPath()
    {
        var transcript = Recorded("call-me");
        var invite = BotReply(transcript, a => a["attachments"] is JArray);
        var join = invite.SelectTokens("$..actions[?(@.title == 'Join')]").Cast<JObject>().First();
        join["title"] = "Join now";

        var mismatch = Assert.IsType<TranscriptMismatchException>((await TranscriptReplay.ReplayAsync(transcript, "call-me (changed)")).Mismatch);

        Assert.Equal(1, mismatch.Turn);
        var difference = Assert.Single(mismatch.Differences);
        Assert.Matches(@"^replies\[0\]\.attachments\[0\]\.content\..*actions\[\d+\]\.title$", difference.Path);
        Assert.Equal("\"Join now\"", difference.Expected);
        Assert.Equal("\"Join\"", difference.Actual);
    }

    [Fact]
    public async Task Replay_MissingReply_FailsNamingTheExtraActualReply()
    {
        var transcript = Recorded("call-me");
        transcript.Remove(BotReply(transcript, a => ((string?)a["text"])?.StartsWith("📞 Your phone", StringComparison.Ordinal) == true));

        var mismatch = Assert.IsType<TranscriptMismatchException>((await TranscriptReplay.ReplayAsync(transcript, "call-me (short)")).Mismatch);

        var difference = Assert.Single(mismatch.Differences);
        Assert.Equal("replies[1]", difference.Path);
        Assert.Equal("(none)", difference.Expected);
        Assert.Contains("is connected to meeting {meeting#1}", difference.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_RecordedWithOtherIdsAndTimes_MapsTypedIdsAndPasses()
    {
        // As if recorded in the Emulator on another day, against a host whose meeting counter and conference IDs differ.
        var transcript = Recorded("dial-in-lobby");
        var text = new JArray(transcript).ToString();
        var conferenceId = (string)transcript.First(a => ((string?)a["text"])?.StartsWith("dial in", StringComparison.Ordinal) == true)["text"]!;
        var digits = conferenceId["dial in ".Length..conferenceId.IndexOf('#', StringComparison.Ordinal)];
        text = text.Replace(digits, "987654321", StringComparison.Ordinal)
            .Replace(string.Join(' ', digits.Chunk(3).Select(c => new string(c))), "987 654 321", StringComparison.Ordinal)
            .Replace("meeting 1", "meeting 7", StringComparison.Ordinal)
            .Replace("\"meetingId\": \"1\"", "\"meetingId\": \"7\"", StringComparison.Ordinal)
            .Replace("/meet/1", "/meet/7", StringComparison.Ordinal)
            .Replace("/meetings/1/", "/meetings/7/", StringComparison.Ordinal)
            .Replace("localhost:3978", "localhost:5000", StringComparison.Ordinal);
        Assert.Contains("dial in 987654321#", text, StringComparison.Ordinal);
        Assert.Contains("(meeting 7)", text, StringComparison.Ordinal);
        var moved = JArray.Parse(text).Cast<JObject>().ToList();

        var result = await TranscriptReplay.ReplayAsync(moved, "dial-in-lobby (other ids)");

        Assert.Null(result.Mismatch);
        Assert.Equal(4, result.Turns);
    }

    [Fact]
    public async Task Replay_WrongMeetingIdShown_FailsAlthoughIdsAreNormalized()
    {
        var transcript = Recorded("leave-hang-up-reminder");
        var reply = BotReply(transcript, a => ((string?)a["text"])?.StartsWith("📞 Your phone", StringComparison.Ordinal) == true);
        reply["text"] = ((string)reply["text"]!).Replace("meeting 1", "meeting 2", StringComparison.Ordinal);

        var mismatch = Assert.IsType<TranscriptMismatchException>((await TranscriptReplay.ReplayAsync(transcript, "reminder (other meeting)")).Mismatch);

        Assert.Equal("\"📞 Your phone +1 405-555-0100 is connected to meeting {meeting#2}.\"", Assert.Single(mismatch.Differences).Expected);
    }

    [Fact]
    public async Task Replay_Rerecorded_IsTheBotsActualConversationAndReplaysClean()
    {
        var transcript = Recorded("credits");
        BotReply(transcript, a => a["text"] is not null)["text"] = "something the bot no longer says";

        var first = await TranscriptReplay.ReplayAsync(transcript, "credits (changed)");
        Assert.NotNull(first.Mismatch);
        Assert.Equal(transcript.Count(a => (string?)a["from"]?["role"] == "user"), first.Rerecorded.Count(a => (string?)a["from"]?["role"] == "user"));

        Assert.Null((await TranscriptReplay.ReplayAsync(first.Rerecorded, "credits (re-recorded)")).Mismatch);
    }
}
