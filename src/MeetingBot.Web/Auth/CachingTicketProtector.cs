using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;

namespace MeetingBot.Web.Auth;

/// <summary>
/// Remembers the tickets of bearer tokens it has already decrypted. Every API call and hub negotiation carries a
/// token, and decrypting it (Data Protection: AES and HMAC, with key derivation) took about 40 µs of the ~115 µs
/// of CPU the host spent on a leave or join call (docs/benchmarks.md §4). A token string always decrypts to the
/// same ticket, so a hit skips the crypto; the bearer handler still checks the ticket's expiry on every request,
/// each hit gets its own copy of the principal, and an entry lives at most <see cref="EntryLifetime"/> (so a key
/// revoked in the key ring stops working within it). Tokens that fail to decrypt are not remembered.
/// </summary>
public sealed class CachingTicketProtector(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>
{
    public static readonly TimeSpan EntryLifetime = TimeSpan.FromMinutes(5);
    public const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, DateTimeOffset Until)> _tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null) return inner.Unprotect(protectedText, purpose);
        var now = time.GetUtcNow();
        if (_tickets.TryGetValue(protectedText, out var hit) && now < hit.Until) return Copy(hit.Ticket);
        var ticket = inner.Unprotect(protectedText);
        if (ticket is null) return null;
        // Bounded without bookkeeping: when full, start again (the next requests decrypt once more).
        if (_tickets.Count >= MaxEntries) _tickets.Clear();
        _tickets[protectedText] = (ticket, now + EntryLifetime);
        return Copy(ticket);
    }

    private static AuthenticationTicket Copy(AuthenticationTicket ticket) =>
        new(ticket.Principal.Clone(), ticket.Properties.Clone(), ticket.AuthenticationScheme);
}
