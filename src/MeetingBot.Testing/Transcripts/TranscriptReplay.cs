using System.Globalization;
using System.Text;
using MeetingBot.Engine.Seeding;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Testing.Transcripts;

/// <summary>
/// Replays a recorded conversation against the bot in process (fresh demo tenant, fake clock) and compares every
/// bot reply with the recorded one, through <see cref="TranscriptNormalizer"/>.
/// </summary>
/// <remarks>
/// The recorded user activities (from.role "user": messages, card submits, conversation updates) are sent in order,
/// on the recorded channel and as the recorded user id. The fake clock starts at the first one's timestamp and moves
/// by the recorded gaps between them, so a call that lasted three minutes in the Emulator lasts three minutes again;
/// the viewer's time zone is each activity's localTimestamp offset. Ids the user typed or pressed (meeting, conference
/// ID, PIN, leg) are mapped to this run's. A turn's replies are the bot activities recorded after the user activity,
/// up to the next one: its replies, then the proactive messages it caused.
/// </remarks>
public static class TranscriptReplay
{
    /// <summary>Set to 1 to rewrite transcripts from the bot's actual replies instead of failing (after an intended change).</summary>
    public const string RerecordVariable = "MEETINGBOT_RERECORD";

    public static bool RerecordRequested => Environment.GetEnvironmentVariable(RerecordVariable) is "1" or "true";

    /// <summary>
    /// Replays the file; throws <see cref="TranscriptMismatchException"/> on a difference, or rewrites the file from the
    /// bot's replies when <see cref="RerecordVariable"/> is set. Returns the number of user turns replayed.
    /// </summary>
    public static async Task<int> VerifyAsync(string path, TenantSeed? tenant = null)
    {
        var result = await ReplayAsync(TranscriptFile.Read(path), Path.GetFileName(path), tenant);
        if (result.Mismatch is { } mismatch)
        {
            if (!RerecordRequested) throw mismatch;
            TranscriptFile.Write(path, result.Rerecorded);
        }
        return result.Turns;
    }

    public static async Task<TranscriptReplayResult> ReplayAsync(IReadOnlyList<JObject> recorded, string name, TenantSeed? tenant = null)
    {
        var turns = Split(recorded);
        var firstUser = turns.Select(t => t.User).FirstOrDefault(u => u is not null);
        await using var host = new BotTestHost(tenant ?? TenantBuilder.Demo().Build(), new BotTestHostOptions
        {
            Start = TimeOf(firstUser) ?? BotTestHostOptions.DefaultStart,
            ChannelId = (string?)firstUser?["channelId"] ?? Microsoft.Bot.Connector.Channels.Test,
            UserId = (string?)firstUser?["from"]?["id"] ?? "user1",
            UserName = (string?)firstUser?["from"]?["name"] ?? "User",
            ConversationId = "replay",
        });
        var expectedIds = new TranscriptNormalizer();
        var actualIds = new TranscriptNormalizer();
        var actual = turns.Select(_ => new List<JObject>()).ToList();
        TranscriptMismatchException? mismatch = null;
        var last = TimeOf(firstUser);

        for (var i = 0; i < turns.Count; i++)
        {
            if (turns[i].User is not { } user) continue;
            if (TimeOf(user) is { } at && last is { } before && at > before && i > 0)
                actual[i - 1].AddRange((await host.AdvanceAsync(at - before)).Select(TranscriptFile.ToJson));
            last = TimeOf(user) ?? last;
            if (i > 0) mismatch ??= Compare(name, i - 1, turns, actual, expectedIds, actualIds);
            var sent = await host.SendAsync(ToActivity(user, host, expectedIds, actualIds));
            actual[i].AddRange(sent.Select(TranscriptFile.ToJson));
        }
        if (turns.Count > 0) mismatch ??= Compare(name, turns.Count - 1, turns, actual, expectedIds, actualIds);

        var rerecorded = new List<JObject>();
        for (var i = 0; i < turns.Count; i++)
        {
            if (turns[i].User is { } user) rerecorded.Add(user);
            rerecorded.AddRange(actual[i]);
        }
        return new TranscriptReplayResult(turns.Count(t => t.User is not null), mismatch, rerecorded);
    }

    private static List<(JObject? User, List<JObject> Replies, int Number)> Split(IReadOnlyList<JObject> recorded)
    {
        var turns = new List<(JObject? User, List<JObject> Replies, int Number)>();
        foreach (var activity in recorded)
        {
            if ((string?)activity["from"]?["role"] == RoleTypes.User) turns.Add((activity, [], turns.Count(t => t.User is not null) + 1));
            else if (turns.Count == 0) turns.Add((null, [activity], 0));
            else turns[^1].Replies.Add(activity);
        }
        return turns;
    }

    private static Activity ToActivity(JObject user, BotTestHost host, TranscriptNormalizer expectedIds, TranscriptNormalizer actualIds)
    {
        var activity = new Activity
        {
            Type = (string?)user["type"] ?? ActivityTypes.Message,
            Name = (string?)user["name"],
            Text = user["text"] is { Type: JTokenType.String } text ? expectedIds.MapTo(actualIds, (string)text!) : null,
            Value = expectedIds.MapTo(actualIds, user["value"]),
            ChannelData = user["channelData"]?.DeepClone(),
            From = new ChannelAccount(host.Options.UserId, host.Options.UserName, RoleTypes.User),
            LocalTimestamp = host.Clock.GetUtcNow().ToOffset(LocalOffsetOf(user)),
        };
        if (user["membersAdded"] is JArray added)
        {
            // The Emulator adds the bot and the user in one update: the recorded recipient is the bot.
            var recordedBot = (string?)user["recipient"]?["id"];
            activity.MembersAdded = added.Select(m => (string?)m["id"] == recordedBot ? host.Adapter.Conversation.Bot : host.Adapter.Conversation.User).ToList();
        }
        return activity;
    }

    private static TranscriptMismatchException? Compare(string name, int index, List<(JObject? User, List<JObject> Replies, int Number)> turns,
        List<List<JObject>> actual, TranscriptNormalizer expectedIds, TranscriptNormalizer actualIds)
    {
        var expected = new JArray(turns[index].Replies.Select(expectedIds.Project));
        var got = new JArray(actual[index].Select(actualIds.Project));
        var differences = new List<TranscriptDifference>();
        Diff(expected, got, "replies", differences);
        if (differences.Count == 0) return null;

        var turn = turns[index];
        var said = turn.User is null ? "before the first user activity"
            : (string?)turn.User["text"] is { Length: > 0 } text ? $"user: \"{text}\""
            : turn.User["value"] is { } value ? $"user pressed: {value.ToString(Formatting.None)}"
            : $"user: {turn.User["type"]}";
        var message = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Transcript {name}: the bot's replies differ at turn {turn.Number} of {turns.Count(t => t.User is not null)} ({said}).\n");
        foreach (var d in differences.Take(12))
            message.Append(CultureInfo.InvariantCulture, $"  at {d.Path}\n    expected: {d.Expected}\n    actual:   {d.Actual}\n");
        if (differences.Count > 12) message.Append(CultureInfo.InvariantCulture, $"  … and {differences.Count - 12} more difference(s)\n");
        message.Append(CultureInfo.InvariantCulture, $"Ids are numbered by first appearance ({{meeting#1}}, {{conference#1}}, …). After an intended change, set {RerecordVariable}=1 and run again to re-record.");
        return new TranscriptMismatchException(name, turn.Number, differences, message.ToString());
    }

    private static void Diff(JToken? expected, JToken? actual, string path, List<TranscriptDifference> differences)
    {
        switch (expected, actual)
        {
            case (JObject e, JObject a):
                foreach (var key in e.Properties().Select(p => p.Name).Union(a.Properties().Select(p => p.Name)))
                    Diff(e[key], a[key], $"{path}.{key}", differences);
                break;
            case (JArray e, JArray a):
                for (var i = 0; i < Math.Max(e.Count, a.Count); i++)
                    Diff(i < e.Count ? e[i] : null, i < a.Count ? a[i] : null, $"{path}[{i}]", differences);
                break;
            default:
                if (!JToken.DeepEquals(expected, actual))
                    differences.Add(new(path, Show(expected), Show(actual)));
                break;
        }
    }

    private static string Show(JToken? token)
    {
        if (token is null or { Type: JTokenType.Null }) return "(none)";
        var json = token.ToString(Formatting.None);
        return json.Length > 600 ? json[..600] + "…" : json;
    }

    private static DateTimeOffset? TimeOf(JObject? activity) =>
        (string?)activity?["timestamp"] is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static TimeSpan LocalOffsetOf(JObject activity) =>
        (string?)activity["localTimestamp"] is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at.Offset : TimeSpan.Zero;
}
