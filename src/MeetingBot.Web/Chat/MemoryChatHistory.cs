using MeetingBot.Storage;

namespace MeetingBot.Web.Chat;

/// <summary>The chat history of a host without storage (provider None, the tests): kept for the life of the process.</summary>
public sealed class MemoryChatHistory : IChatHistory
{
    private readonly Dictionary<string, List<StoredChatActivity>> _conversations = new(StringComparer.Ordinal);
    private long _seq;

    public Task<bool> AppendAsync(string conversationId, string activityId, string json, DateTimeOffset at, CancellationToken cancellationToken)
    {
        lock (_conversations)
        {
            if (!_conversations.TryGetValue(conversationId, out var list)) _conversations[conversationId] = list = [];
            if (list.Any(a => a.ActivityId == activityId)) return Task.FromResult(false);
            list.Add(new StoredChatActivity(++_seq, activityId, json));
            return Task.FromResult(true);
        }
    }

    public Task<string?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        lock (_conversations)
            return Task.FromResult(_conversations.TryGetValue(conversationId, out var list) ? list.Find(a => a.ActivityId == activityId)?.Json : null);
    }

    public Task<bool> ReplaceAsync(string conversationId, string activityId, string json, CancellationToken cancellationToken)
    {
        lock (_conversations)
        {
            if (!_conversations.TryGetValue(conversationId, out var list)) return Task.FromResult(false);
            var index = list.FindIndex(a => a.ActivityId == activityId);
            if (index < 0) return Task.FromResult(false);
            list[index] = list[index] with { Json = json };
            return Task.FromResult(true);
        }
    }

    public Task<bool> DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        lock (_conversations)
            return Task.FromResult(_conversations.TryGetValue(conversationId, out var list) && list.RemoveAll(a => a.ActivityId == activityId) > 0);
    }

    public Task<IReadOnlyList<StoredChatActivity>> PageAsync(string conversationId, long? beforeSeq, int take, CancellationToken cancellationToken)
    {
        lock (_conversations)
        {
            if (!_conversations.TryGetValue(conversationId, out var list)) return Task.FromResult<IReadOnlyList<StoredChatActivity>>([]);
            var before = beforeSeq ?? long.MaxValue;
            var page = list.Where(a => a.Seq < before).TakeLast(take).ToList();
            return Task.FromResult<IReadOnlyList<StoredChatActivity>>(page);
        }
    }
}
