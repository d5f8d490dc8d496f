using System.Text.Json;
using MeetingBot.Web.Bot;
using MeetingBot.Web.Chat;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace MeetingBot.Web.Tests.Chat;

/// <summary>
/// The web chat's adapter on its own: what the bot sends, updates and deletes is stored and pushed to the SignalR group
/// of that conversation only (the hub clients are the seam, mocked).
/// </summary>
public sealed class WebChatAdapterTests
{
    private static readonly ChatConversationId Adele = ChatConversationId.Personal("contoso", "adele");
    private static readonly ChatConversationId Megan = ChatConversationId.Personal("contoso", "megan");
    private static readonly ChatIdentity AdeleIdentity = new("contoso", "adele");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryChatHistory _history = new();
    private readonly Mock<IChatClient> _adeleGroup = new();
    private readonly Mock<IChatClient> _meganGroup = new();
    private readonly WebChatAdapter _adapter;

    public WebChatAdapterTests()
    {
        var clients = new Mock<IHubClients<IChatClient>>();
        clients.Setup(c => c.Group(ChatHub.Group(Adele.ToString()))).Returns(_adeleGroup.Object);
        clients.Setup(c => c.Group(ChatHub.Group(Megan.ToString()))).Returns(_meganGroup.Object);
        var hub = new Mock<IHubContext<ChatHub, IChatClient>>();
        hub.Setup(h => h.Clients).Returns(clients.Object);
        _adapter = new WebChatAdapter(hub.Object, _history, _time, NullLogger<WebChatAdapter>.Instance);
    }

    [Fact]
    public async Task ProcessAsync_PostedMessage_TurnSeesTheSignedInUserAndTheReplyAnswersIt()
    {
        IActivity? seen = null;
        ChatIdentity? identity = null;
        var bot = new DelegateBot(async (turn, ct) =>
        {
            seen = turn.Activity;
            identity = turn.TurnState.Get<ChatIdentity>();
            await turn.SendActivityAsync(MessageFactory.Text("hello"), ct);
        });

        var id = await _adapter.ProcessAsync(AdeleIdentity, "Adele Vance", Adele, Posted("""{"type":"message","text":"hi","from":{"id":"nestor"}}"""), bot, default);

        Assert.Equal("adele", seen!.From.Id);
        Assert.Equal(AdeleIdentity, identity);
        Assert.Equal(WebChatChannel.Id, seen.ChannelId);
        var page = await _history.PageAsync(Adele.ToString(), null, 10, default);
        Assert.Equal(2, page.Count);
        Assert.Equal(id, page[0].ActivityId);
        var reply = JsonDocument.Parse(page[1].Json).RootElement;
        Assert.Equal(id, reply.GetProperty("replyToId").GetString());
        Assert.Equal("bot", reply.GetProperty("from").GetProperty("role").GetString());
        _adeleGroup.Verify(g => g.Activity(Adele.ToString(), It.IsAny<JsonElement>()), Times.Exactly(2));
        _meganGroup.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task ContinueConversation_ProactiveMessage_AnswersNothing()
    {
        await _adapter.ContinueConversationAsync(WebChatChannel.BotId, WebChatAdapter.ReferenceFor(Adele, "adele"),
            (turn, ct) => turn.SendActivityAsync(MessageFactory.Text("📞 cut off"), ct), default);

        var stored = Assert.Single(await _history.PageAsync(Adele.ToString(), null, 10, default));
        Assert.False(JsonDocument.Parse(stored.Json).RootElement.TryGetProperty("replyToId", out _));
    }

    [Fact]
    public async Task UpdateActivity_PostedCard_StoredAndPushedUnderItsIdToThatConversationOnly()
    {
        var posted = await SendAsync(Adele, "ringing");
        var firstTimestamp = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(1));
        var pushed = new List<JsonElement>();
        _adeleGroup.Setup(g => g.Activity(Adele.ToString(), It.IsAny<JsonElement>())).Callback<string, JsonElement>((_, a) => pushed.Add(a)).Returns(Task.CompletedTask);

        await _adapter.ContinueConversationAsync(WebChatChannel.BotId, WebChatAdapter.ReferenceFor(Adele, "adele"), async (turn, ct) =>
        {
            var update = MessageFactory.Text("connected");
            update.Id = posted;
            await turn.UpdateActivityAsync(update, ct);
        }, default);

        var update = Assert.Single(pushed);
        Assert.Equal(posted, update.GetProperty("id").GetString());
        Assert.Equal("connected", update.GetProperty("text").GetString());
        // Same place in the conversation: Web Chat orders by timestamp.
        Assert.Equal(firstTimestamp, update.GetProperty("timestamp").GetDateTimeOffset());
        var stored = Assert.Single(await _history.PageAsync(Adele.ToString(), null, 10, default));
        Assert.Contains("connected", stored.Json);
        _meganGroup.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task DeleteActivity_PostedMessage_RemovedAndDeletionPushedToThatConversationOnly()
    {
        var posted = await SendAsync(Adele, "to delete");

        await _adapter.ContinueConversationAsync(WebChatChannel.BotId, WebChatAdapter.ReferenceFor(Adele, "adele"),
            (turn, ct) => turn.DeleteActivityAsync(posted, ct), default);

        Assert.Empty(await _history.PageAsync(Adele.ToString(), null, 10, default));
        _adeleGroup.Verify(g => g.ActivityDeleted(Adele.ToString(), posted), Times.Once);
        _meganGroup.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task UpdateActivity_IntoAnotherUsersConversation_IsRefusedAndNothingIsPushed()
    {
        var meganMessage = await SendAsync(Megan, "megan's card");
        _meganGroup.Invocations.Clear();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _adapter.ContinueConversationAsync(WebChatChannel.BotId,
            WebChatAdapter.ReferenceFor(Adele, "adele"), async (turn, ct) =>
            {
                var update = MessageFactory.Text("hijacked");
                update.Id = meganMessage;
                update.Conversation = new ConversationAccount(id: Megan.ToString());
                // Straight to the adapter: TurnContext would already have put the turn's own conversation on the update.
                await _adapter.UpdateActivityAsync(turn, update, ct);
            }, default));

        Assert.Contains("cannot write into", error.Message);
        Assert.DoesNotContain("hijacked", Assert.Single(await _history.PageAsync(Megan.ToString(), null, 10, default)).Json);
        _meganGroup.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task UpdateActivity_UnknownId_IsRefused()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _adapter.ContinueConversationAsync(WebChatChannel.BotId,
            WebChatAdapter.ReferenceFor(Adele, "adele"), async (turn, ct) =>
            {
                var update = MessageFactory.Text("nothing there");
                update.Id = "no-such-activity";
                await turn.UpdateActivityAsync(update, ct);
            }, default));
        _adeleGroup.VerifyNoOtherCalls();
    }

    private async Task<string> SendAsync(ChatConversationId conversation, string text)
    {
        string? id = null;
        await _adapter.ContinueConversationAsync(WebChatChannel.BotId, WebChatAdapter.ReferenceFor(conversation, conversation.Key),
            async (turn, ct) => id = (await turn.SendActivityAsync(MessageFactory.Text(text), ct)).Id, default);
        return id!;
    }

    private static PostedActivity Posted(string json)
    {
        var (posted, problem) = PostedActivity.Read(JsonDocument.Parse(json).RootElement);
        Assert.Null(problem);
        return posted!;
    }

    private sealed class DelegateBot(BotCallbackHandler handler) : IBot
    {
        public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) => handler(turnContext, cancellationToken);
    }
}
