using MeetingBot.Testing;
using MeetingBot.Testing.Transcripts;
using Microsoft.Bot.Connector;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Transcripts.Tests;

/// <summary>
/// Runs a scripted chat on the Emulator channel with the host's transcript recorder on, and returns the recorded file.
/// With MEETINGBOT_RERECORD=1 the recording replaces the checked-in Transcripts/{name}.transcript.
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
            if (TranscriptReplay.RerecordRequested) File.Copy(path, Path.Combine(RepositoryPaths.Transcripts, name + ".transcript"), overwrite: true);
            return TranscriptFile.Read(path);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
