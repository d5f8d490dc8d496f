using System.Security.Claims;
using System.Text.Json;
using MeetingBot.Web.Bot;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace MeetingBot.Web.Chat;

/// <summary>
/// The Bot Builder adapter of the web client's chat (channel <see cref="WebChatChannel.Id"/>): turns run in this process
/// for the signed-in user — the identity comes from the hub's authenticated caller and travels in the turn state, never
/// from the posted activity — and every activity the bot sends, updates or deletes is stored in the conversation's
/// history and pushed to the connections that have the conversation open (all of a user's tabs for the 1:1 chat, every
/// member's for a meeting chat). The same bot, state and middleware as /api/messages (see <see cref="ChatRegistration"/>).
/// </summary>
public sealed class WebChatAdapter : BotAdapter
{
    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore, Formatting = Formatting.None };

    private readonly IHubContext<ChatHub, IChatClient> _hub;
    private readonly IChatHistory _history;
    private readonly TimeProvider _time;

    public WebChatAdapter(IHubContext<ChatHub, IChatClient> hub, IChatHistory history, TimeProvider time, ILogger<WebChatAdapter> logger)
    {
        _hub = hub;
        _history = history;
        _time = time;
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Web chat turn failed for a {ActivityType} activity", turnContext.Activity?.Type);
            try
            {
                await turnContext.SendActivityAsync(AdapterWithErrorHandler.ApologyFor(exception));
            }
            catch (Exception sendFailure)
            {
                logger.LogError(sendFailure, "Could not send the apology");
            }
        };
    }

    /// <summary>Where the bot reaches a conversation of this channel (for proactive messages).</summary>
    public static ConversationReference ReferenceFor(ChatConversationId conversation, string userId, string? userName = null) => new()
    {
        ChannelId = WebChatChannel.Id,
        ServiceUrl = WebChatChannel.ServiceUrl,
        Bot = BotAccount,
        User = new ChannelAccount(userId, userName, RoleTypes.User),
        Conversation = Account(conversation),
    };

    /// <summary>
    /// Stores and shows a message the signed-in user posted (<paramref name="posted"/> already checked by
    /// <see cref="PostedActivity"/>), then runs the bot's turn on it where the bot is addressed; returns the new id.
    /// </summary>
    public async Task<string> ProcessAsync(ChatIdentity identity, string displayName, ChatConversationId conversation, PostedActivity posted,
        IBot bot, CancellationToken cancellationToken)
    {
        var activity = posted.ToActivity(identity, displayName, Account(conversation), BotAccount, NewId(), _time.GetUtcNow());
        await StoreAndPushAsync(activity, append: true, cancellationToken);
        if (conversation.IsGroup && !posted.AddressesBot) return activity.Id;
        if (conversation.IsGroup) activity.Text = posted.TextWithoutMention;
        await RunTurnAsync(identity, activity, bot, cancellationToken);
        return activity.Id;
    }

    /// <summary>Runs the bot's welcome for a user opening a chat that has no history yet (as a channel adds the user to it).</summary>
    public Task GreetAsync(ChatIdentity identity, string displayName, ChatConversationId conversation, IBot bot, CancellationToken cancellationToken)
    {
        var user = new ChannelAccount(identity.UserId, displayName, RoleTypes.User);
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = NewId(),
            ChannelId = WebChatChannel.Id,
            ServiceUrl = WebChatChannel.ServiceUrl,
            Timestamp = _time.GetUtcNow(),
            From = user,
            Recipient = BotAccount,
            Conversation = Account(conversation),
            MembersAdded = [user],
        };
        return RunTurnAsync(identity, update, bot, cancellationToken);
    }

    private async Task RunTurnAsync(ChatIdentity identity, Activity activity, IBot bot, CancellationToken cancellationToken)
    {
        using var context = new TurnContext(this, activity);
        // In-process and set here only: the bot's identity resolver trusts it (ChatIdentityResolver).
        context.TurnState.Add(identity);
        await RunPipelineAsync(context, bot.OnTurnAsync, cancellationToken);
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            responses[i] = new ResourceResponse();
            if (activity.Type == ActivityTypesEx.Delay)
            {
                var delay = activity.Value is int ms ? ms : 1000;
                await Task.Delay(TimeSpan.FromMilliseconds(delay), _time, cancellationToken);
                continue;
            }
            // Trace activities are for the Emulator's inspector; this chat shows only what a person reads.
            if (activity.Type == ActivityTypes.Trace) continue;
            SameConversation(turnContext, activity.Conversation?.Id);
            activity.Id ??= NewId();
            activity.ChannelId = WebChatChannel.Id;
            activity.ServiceUrl = WebChatChannel.ServiceUrl;
            activity.From = BotAccount;
            activity.Timestamp = _time.GetUtcNow();
            // Only a reply to the message this turn stored names it: a proactive message answers nothing, and Web Chat
            // holds back (and warns about) a reply to an activity it never saw.
            if (turnContext.Activity.Type != ActivityTypes.Message || activity.ReplyToId != turnContext.Activity.Id) activity.ReplyToId = null;
            await StoreAndPushAsync(activity, append: activity.Type == ActivityTypes.Message, cancellationToken);
            responses[i] = new ResourceResponse(activity.Id);
        }
        return responses;
    }

    /// <summary>Redraws an activity of the turn's conversation in place: stored under its id, shown where it was.</summary>
    public override async Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var conversationId = SameConversation(turnContext, activity.Conversation?.Id);
        if (string.IsNullOrEmpty(activity.Id)) throw new ArgumentException("The activity to update has no id.", nameof(activity));
        var stored = await _history.FindAsync(conversationId, activity.Id, cancellationToken)
            ?? throw new InvalidOperationException($"Conversation {conversationId} has no activity {activity.Id} to update.");
        var original = JsonConvert.DeserializeObject<Activity>(stored, Json)!;
        activity.ChannelId = WebChatChannel.Id;
        activity.ServiceUrl = WebChatChannel.ServiceUrl;
        activity.Conversation = original.Conversation;
        activity.From = original.From;
        activity.ReplyToId = original.ReplyToId;
        // Web Chat orders by timestamp: the original one keeps the card where the person saw it.
        activity.Timestamp = original.Timestamp;
        await StoreAndPushAsync(activity, append: false, cancellationToken);
        return new ResourceResponse(activity.Id);
    }

    public override async Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var conversationId = SameConversation(turnContext, reference.Conversation?.Id);
        if (string.IsNullOrEmpty(reference.ActivityId)) throw new ArgumentException("The reference names no activity to delete.", nameof(reference));
        if (!await _history.DeleteAsync(conversationId, reference.ActivityId, cancellationToken))
            throw new InvalidOperationException($"Conversation {conversationId} has no activity {reference.ActivityId} to delete.");
        await _hub.Clients.Group(ChatHub.Group(conversationId)).ActivityDeleted(conversationId, reference.ActivityId);
    }

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueAsync(reference, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueAsync(reference, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, ConversationReference reference, string audience, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        ContinueAsync(reference, callback, cancellationToken);

    private async Task ContinueAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!ChatConversationId.TryParse(reference.Conversation?.Id, out _))
            throw new ArgumentException($"{reference.Conversation?.Id} is not a conversation of the {WebChatChannel.Id} channel.", nameof(reference));
        using var context = new TurnContext(this, reference.GetContinuationActivity());
        // Not through OnTurnError: a proactive send that fails is its caller's to log (BotEventSubscriber does), not a
        // reason to apologise to the user for a message they never sent.
        await MiddlewareSet.ReceiveActivityWithStatusAsync(context, callback, cancellationToken);
    }

    private async Task StoreAndPushAsync(Activity activity, bool append, CancellationToken cancellationToken)
    {
        var conversationId = activity.Conversation.Id;
        var json = JsonConvert.SerializeObject(activity, Json);
        if (append) await _history.AppendAsync(conversationId, activity.Id, json, activity.Timestamp ?? _time.GetUtcNow(), cancellationToken);
        else if (activity.Type == ActivityTypes.Message && !await _history.ReplaceAsync(conversationId, activity.Id, json, cancellationToken))
            throw new InvalidOperationException($"Conversation {conversationId} has no activity {activity.Id} to update.");
        using var document = JsonDocument.Parse(json);
        await _hub.Clients.Group(ChatHub.Group(conversationId)).Activity(conversationId, document.RootElement.Clone());
    }

    /// <summary>The bot may write only into the conversation its turn is in: the id it names, or the turn's own.</summary>
    private static string SameConversation(ITurnContext turnContext, string? conversationId)
    {
        var own = turnContext.Activity.Conversation?.Id ?? throw new InvalidOperationException("The turn has no conversation.");
        if (conversationId is not null && conversationId != own)
            throw new InvalidOperationException($"A turn in {own} cannot write into {conversationId}.");
        return own;
    }

    private static ChannelAccount BotAccount => new(WebChatChannel.BotId, WebChatChannel.BotName, RoleTypes.Bot);

    private static ConversationAccount Account(ChatConversationId conversation) =>
        new(isGroup: conversation.IsGroup, conversationType: conversation.IsGroup ? "groupChat" : "personal", id: conversation.ToString(), tenantId: conversation.TenantId);

    private static string NewId() => Guid.NewGuid().ToString("N");
}
