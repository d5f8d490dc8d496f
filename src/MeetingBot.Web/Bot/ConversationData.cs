namespace MeetingBot.Web.Bot;

/// <summary>Per-conversation state: the meeting the chat is "in" (set by schedule and join).</summary>
public sealed class ConversationData
{
    public string? CurrentMeetingId { get; set; }
}
