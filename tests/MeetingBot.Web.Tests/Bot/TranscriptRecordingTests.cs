using System.Net;
using System.Text;
using MeetingBot.Testing.Transcripts;
using MeetingBot.Web.Bot.Transcripts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// MeetingBot:Transcripts:Directory through the real host: activities posted to /api/messages as the Emulator posts
/// them, replies and proactive messages answered at a connector sink, and the .transcript file read back.
/// </summary>
public sealed class TranscriptRecordingTests : IAsyncLifetime
{
    private const string ConversationId = "5d1c0b6e-7a2f-11f0-9c3e-2b8f4d6a1e90|livechat";
    private readonly ConnectorSink _sink = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("meetingbot-transcripts-").FullName;
    private int _count;

    public Task InitializeAsync() => _sink.StartAsync();

    public async Task DisposeAsync()
    {
        await _sink.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Directory_Set_TurnsCardRepliesAndProactiveMessagesAreWrittenInEmulatorFormat()
    {
        await using var factory = new BotHostFactory().WithWebHostBuilder(b => b.UseSetting(TranscriptRecording.DirectoryKey, _directory));
        using var client = factory.CreateClient();

        await PostAsync(client, "conversationUpdate", new JObject
        {
            ["membersAdded"] = new JArray(new JObject { ["id"] = "bot-1", ["name"] = "Bot" }, new JObject { ["id"] = "user-1", ["name"] = "User" }),
        });
        await PostAsync(client, "message", new JObject { ["text"] = "schedule Weekly sync" });
        await PostAsync(client, "message", new JObject { ["text"] = "call me at 405 555 0100 now" });
        await _sink.WaitForAsync(4); // welcome, invite, "calling you", and the proactive "your phone is connected"

        var logger = factory.Services.GetRequiredService<OrderedTranscriptLogger>();
        var path = Path.Combine(_directory, "emulator", ConversationId + ".transcript");
        var recorded = await ReadWhenAsync(logger, path, a => a.Count >= 7);

        Assert.Equal(["user", "bot", "user", "bot", "user", "bot", "bot"], recorded.Select(a => (string?)a["from"]?["role"]));
        Assert.Equal(["conversationUpdate", "message", "message", "message", "message", "message", "message"], recorded.Select(a => (string?)a["type"]));
        Assert.Equal("schedule Weekly sync", (string?)recorded[2]["text"]);
        var invite = (JObject)recorded[3]["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)invite["contentType"]);
        Assert.NotNull(Testing.Cards.ById((JObject)invite["content"]!, "tollNumber"));
        Assert.Equal("📞 Your phone +1 405-555-0100 is connected to meeting 1.", (string?)recorded[6]["text"]);
        Assert.All(recorded, a => Assert.Equal(ConversationId, (string?)a["conversation"]?["id"]));

        // What the host records is what the transcript tests replay: the same conversation, in process, matches.
        var replayed = await TranscriptReplay.ReplayAsync(recorded, "recorded by the host");
        Assert.Null(replayed.Mismatch);
        Assert.Equal(3, replayed.Turns);
    }

    [Fact]
    public async Task Directory_Set_FailedTurn_ApologyAnsweredButTurnNotWritten()
    {
        await using var factory = new BotHostFactory(new ThrowingBot()).WithWebHostBuilder(b => b.UseSetting(TranscriptRecording.DirectoryKey, _directory));
        using var client = factory.CreateClient();

        await PostAsync(client, "message", new JObject { ["text"] = "help" });
        Assert.Equal(Web.Bot.AdapterWithErrorHandler.Apology, (string?)Assert.Single(await _sink.WaitForAsync(1)).Activity["text"]);
        await factory.Services.GetRequiredService<OrderedTranscriptLogger>().FlushAsync();

        // Bot Builder writes a turn when it completes; what documentation says is not recorded must stay so.
        var path = Path.Combine(_directory, "emulator", ConversationId + ".transcript");
        Assert.False(File.Exists(path), File.Exists(path) ? File.ReadAllText(path) : "");
    }

    [Fact]
    public async Task Directory_Empty_NothingRecordedAndNoLoggerRegistered()
    {
        await using var factory = new BotHostFactory();
        using var client = factory.CreateClient();

        await PostAsync(client, "message", new JObject { ["text"] = "help" });

        Assert.Null(factory.Services.GetService<OrderedTranscriptLogger>());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_directory));
    }

    private async Task PostAsync(HttpClient client, string type, JObject extra)
    {
        // Stamped as the Emulator stamps, at the fake clock's start: the replay below starts its clock there.
        var activity = EmulatorActivities.Create(type, "emu-" + ++_count, _sink.Url, ConversationId, "user-1", "bot-1");
        activity.Merge(extra);
        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The middleware logs a proactive message just after the connector took it: flush until the file has it.</summary>
    private static async Task<IReadOnlyList<JObject>> ReadWhenAsync(OrderedTranscriptLogger logger, string path, Func<IReadOnlyList<JObject>, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            await logger.FlushAsync();
            var recorded = File.Exists(path) ? TranscriptFile.Read(path) : [];
            if (done(recorded) || DateTime.UtcNow > deadline) return recorded;
            await Task.Delay(50);
        }
    }
}
