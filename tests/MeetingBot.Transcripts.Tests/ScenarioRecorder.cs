using MeetingBot.Testing;
using MeetingBot.Testing.Transcripts;
using Microsoft.Bot.Connector;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Transcripts.Tests;

/// <summary>
/// Runs a scripted chat on the Emulator channel with the host's transcript recorder on, and returns the recorded file.
/// With MEETINGBOT_RERECORD=1 the recording replaces the checked-in Transcripts/{name}.transcript, unless that file still
/// replays clean (conference IDs and leg ids are random: rewriting a file that still matches would only churn it).
/// </summary>
public static class ScenarioRecorder
{
    public static async Task<IReadOnlyList<JObject>> RecordAsync(string name, Func<BotTestHost, Conversation, Task> script)
    {
        var directory = Directory.CreateTempSubdirectory("meetingbot-scenario-").FullName;
        try
        {
            string path;
            await using (var host = new BotTestHost(options: new() { TranscriptDirectory = directory, ConversationId = name, ChannelId = Channels.Emulator }))
            {
                await script(host, host.Chat());
                await host.FlushTranscriptAsync();
                path = host.TranscriptPath!;
            }
            var checkedIn = Path.Combine(RepositoryPaths.Transcripts, name + ".transcript");
            if (TranscriptReplay.RerecordRequested
                && (!File.Exists(checkedIn) || (await TranscriptReplay.ReplayAsync(TranscriptFile.Read(checkedIn), name)).Mismatch is not null))
                File.Copy(path, checkedIn, overwrite: true);
            return TranscriptFile.Read(path);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
