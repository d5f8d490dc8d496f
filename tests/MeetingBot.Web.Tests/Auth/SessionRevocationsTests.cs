using MeetingBot.Web.Auth;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Web.Tests.Auth;

/// <summary>Two hosts on one store: a sign-out on one ends the session on the other within <see cref="SessionRevocations.RecheckAfter"/>.</summary>
public sealed class SessionRevocationsTests
{
    [Fact]
    public async Task Revoke_OnOneHost_IsSeenAtOnceThere_AndOnAnotherHostOnItsNextRecheck_AndKeptAcrossARestart()
    {
        var storage = new MemoryStorage();
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var hostA = new SessionRevocations(storage, time, NullLogger<SessionRevocations>.Instance);
        var hostB = new SessionRevocations(storage, time, NullLogger<SessionRevocations>.Instance);
        var session = SessionRevocations.NewSessionId();
        Assert.False(await hostB.IsRevokedAsync(session, default)); // B has seen it active

        await hostA.RevokeAsync(session, "adele", default);

        Assert.True(await hostA.IsRevokedAsync(session, default));
        Assert.False(await hostB.IsRevokedAsync(session, default)); // B's verdict is still fresh
        time.Advance(SessionRevocations.RecheckAfter);
        Assert.True(await hostB.IsRevokedAsync(session, default));
        Assert.True(await new SessionRevocations(storage, time, NullLogger<SessionRevocations>.Instance).IsRevokedAsync(session, default));
        Assert.False(await hostB.IsRevokedAsync(SessionRevocations.NewSessionId(), default));
    }

    [Fact]
    public void NewSessionId_IsUnguessable_128Bits()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => SessionRevocations.NewSessionId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9a-f]{32}$", id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
