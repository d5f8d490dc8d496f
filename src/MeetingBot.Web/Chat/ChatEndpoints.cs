using System.Text.Json.Nodes;
using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Web.Api;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingBot.Web.Chat;

/// <summary>One chat the signed-in user can open: their 1:1 chat with MeetingBot, or a meeting's chat.</summary>
public sealed record ChatConversationView(string Id, string Kind, string Title, string? MeetingId);

/// <summary>A page of a conversation's history, oldest first; <see cref="Before"/> is the cursor of the page before it (null: none).</summary>
public sealed record ChatHistoryPageView(IReadOnlyList<JsonNode?> Activities, long? Before);

/// <summary>/api/chat: the chats a user has and their stored history (the live part comes over /hubs/chat).</summary>
public static class ChatEndpoints
{
    public const int DefaultTake = 50;

    public static RouteGroupBuilder MapChatEndpoints(this RouteGroupBuilder api)
    {
        var chat = api.MapGroup("/chat");
        chat.MapGet("/conversations", Conversations);
        chat.MapGet("/{conversationId}/activities", Activities);
        return api;
    }

    private static async Task<Ok<List<ChatConversationView>>> Conversations(HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var list = new List<ChatConversationView>
        {
            new(ChatConversationId.Personal(me.TenantId, me.UserId).ToString(), "personal", WebChatChannel.BotName, null),
        };
        foreach (var meeting in await tenants.Ask(me.TenantId, new ListMeetings(me.UserId)))
            list.Add(new(ChatConversationId.Meeting(me.TenantId, meeting.Id).ToString(), "meeting", meeting.Subject, meeting.Id));
        return TypedResults.Ok(list);
    }

    private static async Task<Results<Ok<ChatHistoryPageView>, JsonHttpResult<ApiError>>> Activities(
        string conversationId, long? before, int? take, HttpContext http, ChatAccess access, IChatHistory history)
    {
        var me = CurrentUser.From(http.User);
        var (conversation, refusal) = await access.CheckAsync(me, conversationId);
        if (conversation is null) return ApiErrors.Problem(StatusCodes.Status404NotFound, "ChatNotFound", refusal!);
        if (take is < 1 or > WebChatChannel.MaxPage)
            return ApiErrors.Problem(StatusCodes.Status400BadRequest, ApiErrors.InvalidRequest, $"take must be between 1 and {WebChatChannel.MaxPage}.");
        var count = take ?? DefaultTake;
        var page = await history.PageAsync(conversation.ToString(), before, count, http.RequestAborted);
        return TypedResults.Ok(new ChatHistoryPageView(
            page.Select(a => JsonNode.Parse(a.Json)).ToList(),
            page.Count == count ? page[0].Seq : null));
    }
}
