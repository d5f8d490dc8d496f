using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using MeetingBot.Engine;
using MeetingBot.Engine.Events;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Bot;
using MeetingBot.Web.Chat;
using MeetingBot.Web.Engine;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Chat;

/// <summary>/hubs/chat and /api/chat in the whole host: who a turn runs as, whose chats a connection may use, bad input.</summary>
public sealed class ChatHubTests : IAsyncLifetime
{
    private const string AdeleChat = "personal:contoso:adele";
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PostActivity_FromNamingSomeoneElse_TurnRunsAsTheSignedInUser()
    {
        await using var adele = await ConnectAsync("adele");
        await adele.OpenAsync(AdeleChat);

        var id = await adele.PostAsync(AdeleChat, new { type = "message", text = "whoami", from = new { id = "nestor", name = "Nestor Wilke" } });

        var echo = await adele.NextAsync(a => Id(a) == id);
        Assert.Equal("adele", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.Equal("user", echo.GetProperty("from").GetProperty("role").GetString());
        var reply = await adele.NextAsync(a => Text(a).StartsWith("You are acting as", StringComparison.Ordinal));
        Assert.Contains("Adele Vance", Text(reply));
        Assert.DoesNotContain("Nestor", Text(reply));
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
    }

    [Fact]
    public async Task OpenConversation_FirstVisit_BotWelcomesOnce()
    {
        await using var adele = await ConnectAsync("adele");
        await adele.OpenAsync(AdeleChat);
        await adele.NextAsync(a => JsonText(a).Contains("Welcome to MeetingBot", StringComparison.Ordinal));

        await using var again = await ConnectAsync("adele");
        await again.OpenAsync(AdeleChat);

        using var http = await _app.ClientForAsync("adele");
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/chat/{AdeleChat}/activities");
        Assert.Equal(1, page.GetProperty("activities").GetArrayLength());
    }

    [Theory]
    [InlineData("personal:contoso:megan")]
    [InlineData("personal:fabrikam:adele")]
    [InlineData("meeting:contoso:1")]
    public async Task PostActivity_IntoAChatThatIsNotTheirs_RefusedAndNothingStored(string conversationId)
    {
        await ScheduleAsync("megan");
        await using var adele = await ConnectAsync("adele");

        var open = await Assert.ThrowsAsync<HubException>(() => adele.OpenAsync(conversationId));
        var post = await Assert.ThrowsAsync<HubException>(() => adele.PostAsync(conversationId, new { type = "message", text = "help" }));

        Assert.Contains(ChatAccess.NotYours, open.Message);
        Assert.Contains(ChatAccess.NotYours, post.Message);
        using var megan = await _app.ClientForAsync("megan");
        var page = await megan.GetFromJsonAsync<JsonElement>("/api/chat/personal:contoso:megan/activities");
        Assert.Equal(0, page.GetProperty("activities").GetArrayLength());
    }

    [Fact]
    public async Task History_OfAnotherUsersChat_IsNotFound()
    {
        using var adele = await _app.ClientForAsync("adele");

        var response = await adele.GetAsync("/api/chat/personal:contoso:megan/activities");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(ChatAccess.NotYours, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task History_MoreThanAPage_PagesBackwardsWithTheCursor()
    {
        await using var adele = await ConnectAsync("adele");
        await adele.OpenAsync(AdeleChat);
        for (var i = 0; i < 3; i++) await adele.PostAsync(AdeleChat, new { type = "message", text = "whoami" });
        using var http = await _app.ClientForAsync("adele");

        // Welcome + 3 × (message, reply) = 7 activities.
        var newest = await http.GetFromJsonAsync<JsonElement>($"/api/chat/{AdeleChat}/activities?take=4");
        var before = newest.GetProperty("before").GetInt64();
        var older = await http.GetFromJsonAsync<JsonElement>($"/api/chat/{AdeleChat}/activities?take=4&before={before}");

        Assert.Equal(4, newest.GetProperty("activities").GetArrayLength());
        Assert.Equal(3, older.GetProperty("activities").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, older.GetProperty("before").ValueKind);
        Assert.Contains("Welcome to MeetingBot", older.GetProperty("activities")[0].GetRawText());
    }

    /// <summary>Past the activity limit, and past the 32 KB the meeting hub takes: the chat hub still answers in words.</summary>
    [Theory]
    [InlineData(WebChatChannel.MaxActivityChars)]
    [InlineData(40_000)]
    public async Task PostActivity_Oversized_RefusedWithItsSize(int textLength)
    {
        await using var adele = await ConnectAsync("adele");

        var error = await Assert.ThrowsAsync<HubException>(() =>
            adele.PostAsync(AdeleChat, new { type = "message", text = new string('x', textLength) }));

        Assert.Contains("the chat accepts at most 16,384", error.Message);
    }

    [Theory]
    [InlineData("\"help\"", PostedActivity.NotAnObject)]
    [InlineData("{\"type\":\"event\",\"name\":\"x\"}", PostedActivity.OnlyMessages)]
    [InlineData("{\"type\":\"message\"}", PostedActivity.Empty)]
    [InlineData("{\"type\":\"message\",\"text\":42}", PostedActivity.BadText)]
    [InlineData("{\"type\":\"message\",\"value\":\"join\"}", PostedActivity.BadValue)]
    [InlineData("{\"type\":\"message\",\"text\":\"hi\",\"attachments\":[{\"contentType\":\"image/png\"}]}", PostedActivity.NoAttachments)]
    public async Task PostActivity_Malformed_RefusedWithAClearMessage(string json, string expected)
    {
        await using var adele = await ConnectAsync("adele");

        var error = await Assert.ThrowsAsync<HubException>(() => adele.PostAsync(AdeleChat, JsonDocument.Parse(json).RootElement));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public async Task CallingFeatureUnavailable_UserLastInTheWebChat_ArrivesThereWordForWord()
    {
        await using var adele = await ConnectAsync("adele");
        await adele.OpenAsync(AdeleChat);
        var notices = _app.Services.GetServices<IEngineEventSubscriber>().OfType<BotEventSubscriber>().Single();

        await notices.HandleAsync(new CallingFeatureUnavailable("contoso", MeetingBotAppFactory.Start, "adele", "1",
            EngineError.CallingFeatureNotSetUp, EngineMessages.NotSetUpForCallingFeature), default);

        var notice = await adele.NextAsync(a => Text(a) == EngineMessages.NotSetUpForCallingFeature);
        Assert.False(notice.TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task HangUpReminder_AfterTalkingInAMeetingChat_ArrivesInThe1To1ChatNotTheMeetingOne()
    {
        var meeting = await ScheduleAsync("adele");
        var meetingChat = $"meeting:contoso:{meeting.Id}";
        await using var adele = await ConnectAsync("adele");
        await adele.OpenAsync(AdeleChat);
        await adele.OpenAsync(meetingChat);
        await adele.PostAsync(meetingChat, new { type = "message", text = "@MeetingBot whoami" });
        await adele.NextAsync(a => Text(a).StartsWith("You are acting as", StringComparison.Ordinal));
        var notices = _app.Services.GetServices<IEngineEventSubscriber>().OfType<BotEventSubscriber>().Single();

        await notices.HandleAsync(new HangUpReminder("contoso", MeetingBotAppFactory.Start, "adele", meeting.Id, "leg-1", "+14055550100",
            TimeSpan.FromMinutes(3), "Your phone is still connected. Hang up your phone too."), default);

        var reminder = await adele.NextAsync(a => Text(a) == "Your phone is still connected. Hang up your phone too.");
        Assert.Equal(AdeleChat, reminder.GetProperty("conversation").GetProperty("id").GetString());
        Assert.Contains("application/vnd.microsoft.card.adaptive", reminder.GetRawText());
    }

    [Fact]
    public async Task MeetingChat_Member_SeesTheMeetingsEvents_StrangerIsRefused()
    {
        var meeting = await ScheduleAsync("adele");
        var chat = $"meeting:contoso:{meeting.Id}";
        await using var adele = await ConnectAsync("adele");
        await adele.OpenAsync(chat);
        await using var megan = await ConnectAsync("megan");
        await Assert.ThrowsAsync<HubException>(() => megan.OpenAsync(chat));

        using var http = await _app.ClientForAsync("megan");
        (await http.PostAsJsonAsync($"/api/meetings/{meeting.Id}/join", new { audio = "computer" })).EnsureSuccessStatusCode();

        await adele.NextAsync(a => Text(a) == "Megan Bowen joined.");
        // Now a participant, Megan may open the meeting's chat and read what happened.
        await megan.OpenAsync(chat);
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/chat/{chat}/activities");
        Assert.Contains(page.GetProperty("activities").EnumerateArray(), a => Text(a) == "Megan Bowen joined.");
    }

    [Fact]
    public async Task MeetingChat_PlainMessage_GoesToMembersWithoutATurn_MentionRunsTheBot()
    {
        var meeting = await ScheduleAsync("adele");
        var chat = $"meeting:contoso:{meeting.Id}";
        await using var adele = await ConnectAsync("adele");
        await adele.OpenAsync(chat);

        await adele.PostAsync(chat, new { type = "message", text = "hello team" });
        await adele.PostAsync(chat, new { type = "message", text = "@MeetingBot whoami" });

        await adele.NextAsync(a => Text(a).StartsWith("You are acting as", StringComparison.Ordinal));
        using var http = await _app.ClientForAsync("adele");
        var texts = (await http.GetFromJsonAsync<JsonElement>($"/api/chat/{chat}/activities")).GetProperty("activities").EnumerateArray().Select(Text).ToList();
        Assert.Equal(["hello team", "@MeetingBot whoami"], texts.Take(2));
        Assert.Equal(3, texts.Count);
    }

    private async Task<MeetingView> ScheduleAsync(string organizer)
    {
        using var http = await _app.ClientForAsync(organizer);
        var response = await http.PostAsJsonAsync("/api/meetings", new { subject = "Weekly sync", durationMinutes = 60 });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MeetingView>())!;
    }

    private async Task<ChatConnection> ConnectAsync(string userId)
    {
        var token = (await _app.SignInAsync(userId)).AccessToken;
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(_app.Server.BaseAddress, WebChatChannel.HubPath), o =>
            {
                o.HttpMessageHandlerFactory = _ => _app.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        var chat = new ChatConnection(connection);
        await connection.StartAsync();
        return chat;
    }

    private static string? Id(JsonElement a) => a.TryGetProperty("id", out var id) ? id.GetString() : null;
    private static string Text(JsonElement a) => a.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
    private static string JsonText(JsonElement a) => a.GetRawText();

    /// <summary>A test's connection to /hubs/chat, with every pushed activity kept in arrival order.</summary>
    private sealed class ChatConnection : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly Channel<JsonElement> _activities = Channel.CreateUnbounded<JsonElement>();

        public ChatConnection(HubConnection connection)
        {
            _connection = connection;
            connection.On<string, JsonElement>(nameof(IChatClient.Activity), (_, activity) => _activities.Writer.TryWrite(activity));
        }

        public Task<string> OpenAsync(string conversationId) => _connection.InvokeAsync<string>(nameof(ChatHub.OpenConversation), conversationId);

        public Task<string> PostAsync(string conversationId, object activity) =>
            _connection.InvokeAsync<string>(nameof(ChatHub.PostActivity), conversationId, JsonSerializer.SerializeToElement(activity));

        /// <summary>The next pushed activity that matches, within 10 s; the ones before it are skipped.</summary>
        public async Task<JsonElement> NextAsync(Func<JsonElement, bool> match)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var activity = await _activities.Reader.ReadAsync(timeout.Token);
                if (match(activity)) return activity;
            }
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
