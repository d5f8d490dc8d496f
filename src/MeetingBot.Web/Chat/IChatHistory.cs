using MeetingBot.Storage;

namespace MeetingBot.Web.Chat;

/// <summary>Where the web chat keeps its conversations: the SQL store when storage is durable, memory otherwise.</summary>
public interface IChatHistory
{
    Task<bool> AppendAsync(string conversationId, string activityId, string json, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>The JSON of one activity of the conversation, or null.</summary>
    Task<string?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    Task<bool> ReplaceAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="take"/> activities before the cursor (null: the newest), oldest first.</summary>
    Task<IReadOnlyList<StoredChatActivity>> PageAsync(string conversationId, long? beforeSeq, int take, CancellationToken cancellationToken);
}
