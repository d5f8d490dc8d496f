using System.Text.Json;
using MeetingBot.Web.Auth;
using MeetingBot.Web.Bot;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Bot.Builder;

namespace MeetingBot.Web.Chat;

/// <summary>
/// /hubs/chat: the web client's chat with MeetingBot. The caller is always the authenticated user; a connection is in
/// its user's 1:1 chat from the start and opens a meeting's chat only as that meeting's organizer or participant.
/// Posted activities run the bot's turn in this process through <see cref="WebChatAdapter"/>.
/// </summary>
[Authorize]
public sealed class ChatHub(WebChatAdapter adapter, ChatAccess access, IChatHistory history, ConversationReferenceStore references, IBot bot)
    : Hub<IChatClient>
{
    /// <summary>The SignalR group of a conversation's open connections (its id carries the tenant).</summary>
    public static string Group(string conversationId) => "chat:" + conversationId;

    public override async Task OnConnectedAsync()
    {
        var me = Me;
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(ChatConversationId.Personal(me.TenantId, me.UserId).ToString()));
        await base.OnConnectedAsync();
    }

    /// <summary>
    /// Starts listening to a conversation. The 1:1 chat becomes where the bot reaches this user (as a chat in Teams does
    /// once the user writes in it), and a first visit gets the bot's welcome.
    /// </summary>
    public async Task<string> OpenConversation(string conversationId)
    {
        var me = Me;
        var conversation = await CheckAsync(me, conversationId);
        var id = conversation.ToString();
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(id));
        if (conversation.Kind == ChatConversationKind.Personal)
        {
            await references.SaveAsync(me.TenantId, me.UserId, WebChatAdapter.ReferenceFor(conversation, me.UserId, DisplayName), Context.ConnectionAborted);
            if ((await history.PageAsync(id, null, 1, Context.ConnectionAborted)).Count == 0)
                await adapter.GreetAsync(Identity(me), DisplayName, conversation, bot, Context.ConnectionAborted);
        }
        return id;
    }

    public async Task CloseConversation(string conversationId)
    {
        if (ChatConversationId.TryParse(conversationId, out var conversation) && conversation.Kind == ChatConversationKind.Meeting)
            await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(conversation.ToString()));
    }

    /// <summary>Posts the signed-in user's message (or card submit) and runs the bot's turn; returns the activity's id.</summary>
    public async Task<string> PostActivity(string conversationId, JsonElement activity)
    {
        var me = Me;
        var conversation = await CheckAsync(me, conversationId);
        PostedActivity? posted;
        string? problem;
        try
        {
            (posted, problem) = PostedActivity.Read(activity);
        }
        catch (InvalidOperationException)
        {
            // A string escaping a lone surrogate ("\ud800") is no text.
            (posted, problem) = (null, "The activity holds a \\u escape of a lone surrogate, which is not text.");
        }
        if (posted is null) throw new HubException(problem);
        return await adapter.ProcessAsync(Identity(me), DisplayName, conversation, posted, bot, Context.ConnectionAborted);
    }

    private async Task<ChatConversationId> CheckAsync(CurrentUser me, string conversationId)
    {
        var (conversation, refusal) = await access.CheckAsync(me, conversationId);
        return conversation ?? throw new HubException(refusal);
    }

    private CurrentUser Me => CurrentUser.From(Context.User);

    private string DisplayName => Context.User?.Identity?.Name ?? Me.UserId;

    private static ChatIdentity Identity(CurrentUser me) => new(me.TenantId, me.UserId);
}
