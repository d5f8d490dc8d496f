using System.Collections.Concurrent;
using System.Text;
using CsCheck;
using MeetingBot.Web.Bot;
using MeetingBot.Web.Bot.Cards;
using MeetingBot.Web.Tests.Bot;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// Property: whatever is posted to /api/messages in local dev mode (the Emulator's way in: no token) never gets a
/// 5xx, a 4xx always carries <c>{error, message}</c>, and no turn fails (the apology is never sent). Activities with a random or missing type; text that is
/// huge, unicode, control characters or a chat command with junk after it; card submits with a random action and
/// fields of the wrong type; odd or missing from, conversation and recipient; serviceUrls missing, malformed,
/// not http or not loopback; and bodies that are not a JSON object at all. Sampled from <see cref="JsonGen.Seed"/>.
/// </summary>
public sealed class MessagesPropertyTests : IAsyncLifetime
{
    private const int Iterations = 300;
    private readonly ConnectorSink _sink = new();

    public Task InitializeAsync() => _sink.StartAsync();

    public async Task DisposeAsync() => await _sink.DisposeAsync();

    private static readonly string[] Commands =
    [
        "help", "whoami", "act as", "schedule", "meetings", "join", "call me at", "add", "hang up", "leave", "end meeting", "dial in",
        "lobby", "admit", "admit all", "reset pin", "admin", "pools", "usage", "audit", "credits", "add funds", "fast forward", "roster",
    ];

    private static readonly string[] SubmitActions =
    [
        CardActions.Help, CardActions.Schedule, CardActions.ShowPreJoin, CardActions.JoinComputer, CardActions.JoinNoAudio,
        CardActions.PhoneAudio, CardActions.ConfirmCall, CardActions.CancelCall, CardActions.AddParticipant, CardActions.HangUp,
        CardActions.Leave, CardActions.EndMeeting, CardActions.Roster, CardActions.ResetPin, CardActions.ActAs, CardActions.AssignLicense,
        CardActions.UnassignLicense, CardActions.SetPermission, CardActions.AddFunds, CardActions.SetAutoRecharge, CardActions.Pools,
        CardActions.Usage, CardActions.Credits, CardActions.Admin, CardActions.Audit, CardActions.Lobby, CardActions.Admit, CardActions.SetLobby,
    ];

    private static readonly string[] SubmitFields =
    [
        "meetingId", "subject", "at", "phoneNumber", "number", "addNumber", "legId", "participantId", "lobbyBypass", "lobbyDialIn", "who",
        "licUser", "licSku", "permUser", "permValue", "amount", "enabled", "threshold", "rechargeAmount",
    ];

    private static Gen<string?> Optional(Gen<string> present, int presentWeight = 6, int absentWeight = 1) =>
        Gen.Frequency((presentWeight, present.Select(v => (string?)v)), (absentWeight, Gen.Const((string?)null)));

    private static readonly Gen<string> Account = Gen.Frequency(
        (24, Gen.OneOf("{\"id\":\"5e1a0c1e-user\",\"name\":\"User\"}", "{\"id\":\"2c0f9f40-bot\",\"name\":\"Bot\",\"role\":\"bot\"}")),
        (1, Gen.OneOf("{}", "{\"id\":null}", "{\"id\":5}", "{\"id\":[]}", "\"user\"", "[]", "7")),
        (1, JsonGen.StringToken.Select(id => "{\"id\":" + id + ",\"name\":" + id + "}")),
        (1, JsonGen.Value()));

    private static readonly Gen<string> Conversation = Gen.Frequency(
        (20, Gen.Const("{\"id\":\"8a6b5c40-1d2e-11f0-9f6a-0b3c8d1e2f3a|livechat\"}")),
        (2, JsonGen.StringToken.Select(id => "{\"id\":" + id + "}")),
        (1, Gen.OneOf("{}", "{\"id\":null}", "{\"id\":{}}", "\"c\"", "[]", "{\"id\":\"c\",\"isGroup\":\"yes\",\"tenantId\":5}")),
        (1, JsonGen.Value()));

    private static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.OneOf(Commands)),
        (4, Gen.Select(Gen.OneOf(Commands), Gen.Frequency((3, JsonGen.Digits), (2, JsonGen.Text))).Select((c, rest) => c + " " + rest)),
        (3, JsonGen.Text));

    private static readonly Gen<string> SubmitValue = Gen.Frequency(
        (6, Gen.Select(Gen.OneOf(SubmitActions).Select(JsonGen.Quote), Gen.Select(Gen.OneOf(SubmitFields).Select(JsonGen.Quote),
                Gen.Frequency((3, JsonGen.Digits.Select(JsonGen.Quote)), (1, Gen.OneOf("\"1\"", "\"adele\"", "\"nestor\"", "\"Everyone\"", "\"true\"")), (2, JsonGen.Value())))
                .Array[0, 5])
            .Select((action, fields) => "{\"action\":" + action + string.Concat(fields.Select(f => "," + f.Item1 + ":" + f.Item2)) + "}")),
        (1, JsonGen.Value().Select(v => "{\"action\":" + v + "}")),
        (1, JsonGen.Value()),
        (1, Gen.OneOf(SubmitActions).Select(a => JsonGen.Quote("{\"action\":\"" + a + "\",\"meetingId\":\"1\"}"))));

    private static readonly Gen<string> Entities = Gen.Frequency(
        (3, JsonGen.Text.Select(t => "[{\"type\":\"mention\",\"text\":" + JsonGen.Quote(t) + ",\"mentioned\":{\"id\":\"2c0f9f40-bot\"}}]")),
        (1, Gen.OneOf("[{\"type\":\"mention\"}]", "[{\"type\":\"mention\",\"mentioned\":null,\"text\":5}]", "[null]", "{}", "[{\"type\":\"clientInfo\",\"locale\":7}]")),
        (1, JsonGen.Value()));

    private const string UserAccount = "{\"id\":\"5e1a0c1e-user\",\"name\":\"User\"}";
    private const string EmulatorConversation = "{\"id\":\"8a6b5c40-1d2e-11f0-9f6a-0b3c8d1e2f3a|livechat\"}";

    /// <summary>An activity: <paramref name="wild"/> ones also get odd or missing serviceUrl, channel, sender, conversation and id.</summary>
    private Gen<string> Activity(bool wild) => Gen.Select(
            Gen.Select(
                Optional(Gen.Frequency((12, Gen.Const("\"message\"")), (1, Gen.OneOf("\"conversationUpdate\"", "\"invoke\"", "\"event\"", "\"typing\"", "\"endOfConversation\"", "\"installationUpdate\"", "\"messageReaction\"", "\"\"", "\"MESSAGE\"")), (1, JsonGen.StringToken), (1, JsonGen.Value(1)))),
                wild
                    ? Optional(Gen.Frequency((6, Gen.OneOf(_sink.Url, _sink.Url + "/", _sink.Url.Replace("127.0.0.1", "localhost", StringComparison.Ordinal))),
                        (1, Gen.OneOf("::::", "", " ", "not a url", "ftp://127.0.0.1/", "file:///etc/passwd", "https://smba.example.invalid/amer/", "http://localhost.invalid/", "//127.0.0.1/", "http:/127.0.0.1", "javascript:alert(1)"))).Select(JsonGen.Quote))
                    : Gen.OneOf(_sink.Url, _sink.Url + "/").Select(u => (string?)JsonGen.Quote(u)),
                wild ? Optional(Gen.Frequency((8, Gen.Const("\"emulator\"")), (1, Gen.OneOf("\"msteams\"", "\"test\"", "\"\"", "5")), (1, JsonGen.StringToken))) : Gen.Const((string?)"\"emulator\""),
                wild ? Optional(Account) : Gen.Const((string?)UserAccount),
                wild ? Optional(Conversation) : Gen.Const((string?)EmulatorConversation),
                Optional(Account, 12),
                wild ? Optional(JsonGen.StringToken, 1, 1) : Gen.Const((string?)"\"act-p\"")),
            Gen.Select(
                Optional(Text.Select(JsonGen.Quote), 4),
                Optional(SubmitValue, 1),
                Optional(Gen.Frequency((3, Gen.Const("[{\"id\":\"2c0f9f40-bot\"},{\"id\":\"5e1a0c1e-user\"}]")), (1, JsonGen.Value())), 1, 4),
                Optional(Entities, 1, 5),
                Optional(Gen.Frequency((3, JsonGen.Date.Select(JsonGen.Quote)), (1, JsonGen.Value(0))), 1, 8),
                Optional(Gen.Frequency((1, Gen.OneOf("\"adaptiveCard/action\"", "\"task/fetch\"", "\"composeExtension/query\"", "\"signin/verifyState\"")), (1, JsonGen.StringToken)), 1, 5),
                Optional(JsonGen.Value(), 1, 5)))
        .Select((head, tail) =>
        {
            var (type, serviceUrl, channelId, from, conversation, recipient, id) = head;
            var (text, value, membersAdded, entities, timestamp, name, channelData) = tail;
            var fields = new (string Name, string? Json)[]
            {
                ("type", type), ("id", id), ("serviceUrl", serviceUrl), ("channelId", channelId), ("from", from),
                ("conversation", conversation), ("recipient", recipient), ("text", text), ("value", value), ("membersAdded", membersAdded),
                ("entities", entities), ("timestamp", timestamp), ("name", name), ("channelData", channelData),
            };
            return "{" + string.Join(",", fields.Where(f => f.Json is not null).Select(f => JsonGen.Quote(f.Name) + ":" + f.Json)) + "}";
        });

    private static bool IsInvoke(string body)
    {
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(Encoding.UTF8.GetBytes(body));
            return json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && json.RootElement.TryGetProperty("type", out var type) && type.ValueKind == System.Text.Json.JsonValueKind.String && type.ValueEquals("invoke");
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return false; // not JSON, or a lone surrogate escape: not the word "invoke" either way
        }
    }

    /// <summary>Every turn that failed, as the adapter logs it (also when the apology could not be sent either).</summary>
    private sealed class FailedTurns : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _failures = new();

        public IReadOnlyCollection<string> All => _failures;

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName == typeof(AdapterWithErrorHandler).FullName ? _failures : null);

        public void Dispose()
        {
        }

        private sealed class Logger(ConcurrentQueue<string>? failures) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => failures is not null && logLevel >= LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) failures!.Enqueue(formatter(state, exception) + ": " + exception?.GetType().Name + " " + exception?.Message);
            }
        }
    }

    [Fact]
    public async Task AnyBody_PostedToMessagesInLocalDevMode_Never5xx_4xxCarriesErrorBody()
    {
        var failed = new FailedTurns();
        await using var host = new BotHostFactory();
        await using var factory = host.WithWebHostBuilder(b => b.ConfigureLogging(l => l.AddProvider(failed)));
        using var client = factory.CreateClient();
        var bodies = Gen.Frequency((6, Activity(wild: false)), (6, Activity(wild: true)), (1, JsonGen.NotAnObject), (1, JsonGen.Value()));

        // One at a time: turns of one conversation are not meant to overlap, and a failure must be replayable.
        await bodies.SampleAsync(async body =>
        {
            using var content = JsonGen.Content(body);
            var failures = failed.All.Count;

            using var response = await client.PostAsync("/api/messages", content);

            // A turn that threw answers 200 and apologises: that is a bug too, only a quieter one.
            Assert.True(failed.All.Count == failures, string.Join("\n", failed.All.Skip(failures)));

            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            // The one exception, and it is the protocol's: an invoke is answered with the bot's invoke response, which
            // the channel reads. ActivityHandler answers an invoke name it does not handle with 501 Not Implemented,
            // and a malformed adaptiveCard/action or application/search with 400 and the Bot Framework's error body.
            if (IsInvoke(body) && (status == 501 || (status == 400 && text.Contains("application/vnd.microsoft.error", StringComparison.Ordinal)))) return;
            Assert.True(status < 500, $"{status} {text}");
            if (status < 400) return;
            var error = await ApiBodyPropertyTests.ErrorBodyAsync(response);
            Assert.True(error is { Error.Length: > 0, Detail.Length: > 0, Title.Length: > 0 } && error.Type == MeetingBot.Web.Api.ApiError.TypePrefix + error.Error && error.Status == status, $"{status} without a problem-details body (type, title, status, detail, error)");
        }, seed: JsonGen.Seed, iter: JsonGen.Iterations(Iterations), threads: 1, print: ApiBodyPropertyTests.Truncate);
    }
}
