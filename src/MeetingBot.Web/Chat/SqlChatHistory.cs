using MeetingBot.Storage;

namespace MeetingBot.Web.Chat;

/// <summary>The chat history in the product's database (SQLite or PostgreSQL): it survives a restart and is shared by every host.</summary>
public sealed class SqlChatHistory(ChatActivityStore store) : IChatHistory
{
    public Task<bool> AppendAsync(string conversationId, string activityId, string json, DateTimeOffset at, CancellationToken cancellationToken) =>
        store.AppendAsync(conversationId, activityId, json, at, cancellationToken);

    public Task<string?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        store.FindAsync(conversationId, activityId, cancellationToken);

    public Task<bool> ReplaceAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken) =>
        store.ReplaceAsync(conversationId, activityId, json, cancellationToken);

    public Task<bool> DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        store.DeleteAsync(conversationId, activityId, cancellationToken);

    public Task<IReadOnlyList<StoredChatActivity>> PageAsync(string conversationId, long? beforeSeq, int take, CancellationToken cancellationToken) =>
        store.PageAsync(conversationId, beforeSeq, take, cancellationToken);
}
