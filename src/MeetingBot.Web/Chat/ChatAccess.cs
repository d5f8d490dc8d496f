using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Web.Api;
using MeetingBot.Web.Auth;

namespace MeetingBot.Web.Chat;

/// <summary>
/// Who may read and write a web chat conversation: their own 1:1 chat only, and a meeting's chat only as its organizer
/// or one of its participants (the engine says). Another tenant's id or a stranger's chat gets the same answer as an id
/// that does not exist, so ids cannot be probed.
/// </summary>
public sealed class ChatAccess(ITenants tenants)
{
    public const string NotYours = "That chat is not one of yours: you can use your own chat with MeetingBot and the chats of meetings you organize or joined.";
    public const string Malformed = "That is not a chat id: chats are named personal:{tenant}:{user} or meeting:{tenant}:{meeting}.";

    /// <summary>The conversation, or the refusal to show.</summary>
    public async Task<(ChatConversationId? Conversation, string? Refusal)> CheckAsync(CurrentUser me, string? conversationId)
    {
        if (!ChatConversationId.TryParse(conversationId, out var id)) return (null, Malformed);
        if (!string.Equals(id.TenantId, me.TenantId, StringComparison.OrdinalIgnoreCase)) return (null, NotYours);
        return id.Kind switch
        {
            ChatConversationKind.Personal when string.Equals(id.Key, me.UserId, StringComparison.OrdinalIgnoreCase) => (id, null),
            ChatConversationKind.Meeting when await IsMemberAsync(me, id.Key) => (id, null),
            _ => (null, NotYours),
        };
    }

    private async Task<bool> IsMemberAsync(CurrentUser me, string meetingId)
    {
        var meeting = await tenants.Ask(me.TenantId, new GetMeeting(meetingId));
        return meeting.IsSuccess && ViewMapper.IsMember(meeting.Value!, me.UserId);
    }
}
