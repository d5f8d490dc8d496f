using System.Collections.Concurrent;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Bot;

/// <summary>
/// The last conversation each user of each tenant was seen in, so engine events (cut-offs, hang-up reminders) can be
/// sent to them proactively. Kept in the bot's <see cref="IStorage"/> under <c>refs/{tenant}/{user}</c> — the
/// SQL store when storage is durable — so a restarted host still reaches users who have not spoken since;
/// an in-memory cache keeps the per-turn cost to a dictionary lookup.
/// </summary>
public sealed class ConversationReferenceStore(IStorage storage, ILogger<ConversationReferenceStore>? logger = null)
{
    private readonly ConcurrentDictionary<string, Entry> _cache = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, KeyWriter> _writers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The storage key of a user's reference (user ids are case-insensitive, as in the engine).</summary>
    public static string Key(string tenantId, string userId) =>
        $"refs/{tenantId.ToLowerInvariant()}/{userId.ToLowerInvariant()}";

    /// <summary>
    /// Remembers <paramref name="reference"/> as where <paramref name="userId"/> is reached. Every turn calls
    /// this, so storage is written only when the conversation changes (or an earlier write failed), and a user's
    /// concurrent turns share writes: while one write of the user's reference is in flight, later turns only leave
    /// their reference for the writer, which stores the newest of them once its own write is done. A turn waits for at
    /// most one write; until the newest reference is stored, this process reaches the user from memory.
    /// </summary>
    public async Task SaveAsync(string tenantId, string userId, ConversationReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        // A meeting's chat in the web client is every member's: a user's own notices (cut-offs, reminders) go to their
        // 1:1 chat, not there.
        if (reference.ChannelId == Chat.WebChatChannel.Id && reference.Conversation?.IsGroup == true) return;
        var key = Key(tenantId, userId);
        if (_cache.TryGetValue(key, out var known) && known.Durable && SameConversation(known.Reference, reference)) return;
        _cache[key] = new Entry(reference, Durable: false);
        var writer = _writers.GetOrAdd(key, static _ => new KeyWriter());
        if (!writer.TryStart(reference)) return; // the write in flight, or the one after it, stores it
        ConversationReference? next;
        try
        {
            await WriteAsync(key, reference, cancellationToken);
        }
        finally
        {
            next = writer.TakeNext();
        }
        // Turns that came while this write ran left a newer reference: store it without holding this turn up.
        if (next is not null) _ = Task.Run(() => WriteRestAsync(key, writer, next));
    }

    private async Task WriteRestAsync(string key, KeyWriter writer, ConversationReference? next)
    {
        while (next is not null)
        {
            try
            {
                await WriteAsync(key, next, CancellationToken.None);
            }
            finally
            {
                next = writer.TakeNext();
            }
        }
    }

    private async Task WriteAsync(string key, ConversationReference reference, CancellationToken cancellationToken)
    {
        try
        {
            // The reference is the bot's own record, last writer wins: no ETag, so the write never conflicts.
            await storage.WriteAsync(new Dictionary<string, object> { [key] = reference }, cancellationToken);
            // Durable only if no turn moved the user to another conversation meanwhile.
            if (_cache.TryGetValue(key, out var current) && SameConversation(current.Reference, reference))
                _cache.TryUpdate(key, current with { Durable = true }, current);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The turn itself must not fail for this: the cache still reaches the user from this process, and the
            // next turn tries the write again.
            logger?.LogWarning(ex, "Could not store the conversation reference {Key}; kept in memory only", key);
        }
    }

    /// <summary>Where <paramref name="userId"/> was last seen, from the cache or else from storage; null if never.</summary>
    public async Task<ConversationReference?> GetAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        var key = Key(tenantId, userId);
        if (_cache.TryGetValue(key, out var known)) return known.Reference;
        var items = await storage.ReadAsync([key], cancellationToken);
        if (!items.TryGetValue(key, out var value) || value is not ConversationReference reference) return null;
        // A turn may have saved a newer reference meanwhile: that one wins.
        return _cache.GetOrAdd(key, new Entry(reference, Durable: true)).Reference;
    }

    /// <summary>The storage key of the roster card last posted to a user (one per user: the newest is the one to keep true).</summary>
    public static string RosterCardKey(string tenantId, string userId) =>
        $"roster/{tenantId.ToLowerInvariant()}/{userId.ToLowerInvariant()}";

    /// <summary>Remembers the roster card just posted, so a change to the meeting (a phone answering) can update it in place.</summary>
    public async Task SaveRosterCardAsync(string tenantId, string userId, PostedCard card, CancellationToken cancellationToken = default)
    {
        try
        {
            await storage.WriteAsync(new Dictionary<string, object> { [RosterCardKey(tenantId, userId)] = card }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Only the in-place refresh is lost: the card keeps its Refresh button.
            logger?.LogWarning(ex, "Could not store the roster card posted to {UserId}", userId);
        }
    }

    /// <summary>The roster card last posted to <paramref name="userId"/>, or null.</summary>
    public async Task<PostedCard?> GetRosterCardAsync(string tenantId, string userId, CancellationToken cancellationToken = default)
    {
        var key = RosterCardKey(tenantId, userId);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var value) ? value as PostedCard : null;
    }

    // The activity id changes every turn; the conversation it belongs to is what matters for reaching the user.
    private static bool SameConversation(ConversationReference a, ConversationReference b) =>
        string.Equals(a.Conversation?.Id, b.Conversation?.Id, StringComparison.Ordinal)
        && string.Equals(a.ServiceUrl, b.ServiceUrl, StringComparison.Ordinal)
        && string.Equals(a.ChannelId, b.ChannelId, StringComparison.Ordinal)
        && string.Equals(a.Bot?.Id, b.Bot?.Id, StringComparison.Ordinal)
        && string.Equals(a.User?.Id, b.User?.Id, StringComparison.Ordinal);

    private sealed record Entry(ConversationReference Reference, bool Durable);

    /// <summary>One user's reference writes: the one in flight (null when none) and the newest one waiting behind it.</summary>
    private sealed class KeyWriter
    {
        private readonly Lock _gate = new();
        private ConversationReference? _inFlight;
        private ConversationReference? _next;

        /// <summary>True when the caller is to write <paramref name="reference"/> now; false when it is left for the write in flight.</summary>
        public bool TryStart(ConversationReference reference)
        {
            lock (_gate)
            {
                if (_inFlight is null)
                {
                    _inFlight = reference;
                    return true;
                }
                // The write in flight already stores this conversation unless a newer one waits behind it.
                if (_next is not null || !SameConversation(_inFlight, reference)) _next = reference;
                return false;
            }
        }

        /// <summary>After a write: the waiting reference becomes the one in flight (the caller writes it), or none is.</summary>
        public ConversationReference? TakeNext()
        {
            lock (_gate)
            {
                _inFlight = _next;
                _next = null;
                return _inFlight;
            }
        }
    }
}

/// <summary>A card the bot posted: which meeting it shows, and the conversation and activity to update.</summary>
public sealed record PostedCard(string MeetingId, string ConversationId, string ActivityId);
