using System.Text.Json;

namespace MeetingBot.Web.Chat;

/// <summary>What /hubs/chat pushes to a page (see docs/realtime.md). Method names are the wire names.</summary>
public interface IChatClient
{
    /// <summary>A new activity of the conversation, or a new version of one already shown (same id: shown in its place).</summary>
    Task Activity(string conversationId, JsonElement activity);

    /// <summary>The bot deleted an activity of the conversation.</summary>
    Task ActivityDeleted(string conversationId, string activityId);
}
