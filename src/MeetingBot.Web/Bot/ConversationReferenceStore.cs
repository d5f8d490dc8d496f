using System.Collections.Concurrent;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Bot;

/// <summary>
/// The last conversation each demo user was seen in, so engine events (cut-offs, hang-up reminders) can be
/// sent to them proactively. In memory: a restarted host forgets, and users are greeted again on their next turn.
/// </summary>
public sealed class ConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _byUser = new(StringComparer.OrdinalIgnoreCase);

    public void Save(string userId, ConversationReference reference) => _byUser[userId] = reference;

    public bool TryGet(string userId, out ConversationReference reference) => _byUser.TryGetValue(userId, out reference!);

    public IReadOnlyCollection<string> Users => _byUser.Keys.ToList();
}
