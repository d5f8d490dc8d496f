namespace MeetingBot.Web.Chat;

public enum ChatConversationKind
{
    /// <summary>The 1:1 chat of one user with MeetingBot.</summary>
    Personal,

    /// <summary>The chat of one meeting: its organizer and participants, and the bot telling the meeting's events.</summary>
    Meeting,
}

/// <summary>
/// A web chat conversation id: <c>personal:{tenant}:{user}</c> or <c>meeting:{tenant}:{meeting}</c>. The tenant is part
/// of the id because the bot keys its conversation state by the id alone, and ids are only unique within a tenant.
/// Parsing says what the id claims; <see cref="ChatAccess"/> decides whether the caller may use it.
/// </summary>
public sealed record ChatConversationId(ChatConversationKind Kind, string TenantId, string Key)
{
    private const int MaxLength = 300;

    public static ChatConversationId Personal(string tenantId, string userId) =>
        new(ChatConversationKind.Personal, tenantId.ToLowerInvariant(), userId.ToLowerInvariant());

    public static ChatConversationId Meeting(string tenantId, string meetingId) =>
        new(ChatConversationKind.Meeting, tenantId.ToLowerInvariant(), meetingId);

    public bool IsGroup => Kind == ChatConversationKind.Meeting;

    public override string ToString() => $"{(Kind == ChatConversationKind.Personal ? "personal" : "meeting")}:{TenantId}:{Key}";

    /// <summary>The meeting whose web chat the activity is in, or null (a 1:1 chat, another channel).</summary>
    public static string? MeetingOf(Microsoft.Bot.Schema.IActivity activity) =>
        activity.ChannelId == WebChatChannel.Id && TryParse(activity.Conversation?.Id, out var id) && id.Kind == ChatConversationKind.Meeting ? id.Key : null;

    public static bool TryParse(string? text, out ChatConversationId id)
    {
        id = null!;
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength || !text.All(c => c is > ' ' and <= '~')) return false;
        var parts = text.Split(':');
        if (parts.Length != 3 || parts[1].Length == 0 || parts[2].Length == 0) return false;
        ChatConversationKind? kind = parts[0] switch
        {
            "personal" => ChatConversationKind.Personal,
            "meeting" => ChatConversationKind.Meeting,
            _ => null,
        };
        if (kind is null) return false;
        id = kind == ChatConversationKind.Personal ? Personal(parts[1], parts[2]) : Meeting(parts[1], parts[2]);
        return true;
    }
}
