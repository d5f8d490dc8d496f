using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Bot.Builder;

namespace MeetingBot.Web.Auth;

/// <summary>
/// Sessions that were signed out. A sign-in mints a session id (claim <see cref="MeetingBotClaims.SessionId"/>) that its
/// cookie and its bearer token both carry; signing out records the id here, and from then on neither is accepted,
/// though both are self-contained tickets that would otherwise stay good for their 8 hours. The record is kept in the
/// host's <see cref="IStorage"/> (the SQL store when storage is durable, so every host on the database sees it). A host
/// re-reads an id it last saw active after <see cref="RecheckAfter"/>, so a sign-out on another host takes effect within
/// that; on the signing-out host at once. A ticket without a session id is refused.
/// </summary>
public sealed class SessionRevocations(IStorage storage, TimeProvider time, ILogger<SessionRevocations> logger)
{
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);
    public const int MaxRemembered = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _activeCheckedAt = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _revoked = new(StringComparer.Ordinal);

    /// <summary>A new unguessable session id.</summary>
    public static string NewSessionId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public static string Key(string sessionId) => $"sessions/revoked/{sessionId}";

    public async ValueTask<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (_revoked.ContainsKey(sessionId)) return true;
        var now = time.GetUtcNow();
        if (_activeCheckedAt.TryGetValue(sessionId, out var checkedAt) && now - checkedAt < RecheckAfter) return false;
        var key = Key(sessionId);
        var found = await storage.ReadAsync([key], cancellationToken);
        if (found.ContainsKey(key))
        {
            Remember(_revoked, sessionId, true);
            _activeCheckedAt.TryRemove(sessionId, out _);
            return true;
        }
        Remember(_activeCheckedAt, sessionId, now);
        return false;
    }

    /// <summary>Ends the session everywhere: stored first, so a sign-out that could not be recorded is not reported as done.</summary>
    public async Task RevokeAsync(string sessionId, string userId, CancellationToken cancellationToken)
    {
        await storage.WriteAsync(new Dictionary<string, object>
        {
            [Key(sessionId)] = new Dictionary<string, string> { ["user"] = userId, ["at"] = time.GetUtcNow().ToString("O") },
        }, cancellationToken);
        Remember(_revoked, sessionId, true);
        _activeCheckedAt.TryRemove(sessionId, out _);
        logger.LogInformation("Session of {UserId} signed out", userId);
    }

    // Bounded without bookkeeping: when full, start again (ids are read from storage once more).
    private static void Remember<T>(ConcurrentDictionary<string, T> map, string key, T value)
    {
        if (map.Count >= MaxRemembered) map.Clear();
        map[key] = value;
    }
}
