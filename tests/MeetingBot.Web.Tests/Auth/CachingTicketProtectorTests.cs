using System.Security.Claims;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace MeetingBot.Web.Tests.Auth;

public sealed class CachingTicketProtectorTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly Mock<ISecureDataFormat<AuthenticationTicket>> _inner = new();

    [Fact]
    public void Unprotect_SameTokenTwice_DecryptsOnceAndHandsOutSeparateCopies()
    {
        _inner.Setup(p => p.Unprotect("token-a")).Returns(Ticket("adele"));
        var protector = new CachingTicketProtector(_inner.Object, _time);

        var first = protector.Unprotect("token-a");
        var second = protector.Unprotect("token-a");

        _inner.Verify(p => p.Unprotect("token-a"), Times.Once);
        Assert.Equal("adele", first!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("adele", second!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.NotSame(first.Principal, second.Principal);
        Assert.NotSame(first.Properties, second.Properties);
        Assert.Equal(first.Properties.ExpiresUtc, second.Properties.ExpiresUtc);
    }

    [Fact]
    public void Unprotect_AfterEntryLifetime_DecryptsAgain()
    {
        _inner.Setup(p => p.Unprotect("token-a")).Returns(Ticket("adele"));
        var protector = new CachingTicketProtector(_inner.Object, _time);

        protector.Unprotect("token-a");
        _time.Advance(CachingTicketProtector.EntryLifetime - TimeSpan.FromSeconds(1));
        protector.Unprotect("token-a");
        _time.Advance(TimeSpan.FromSeconds(1));
        protector.Unprotect("token-a");

        _inner.Verify(p => p.Unprotect("token-a"), Times.Exactly(2));
    }

    [Fact]
    public void Unprotect_TokenThatFailsToDecrypt_IsNotRemembered()
    {
        var protector = new CachingTicketProtector(_inner.Object, _time);

        Assert.Null(protector.Unprotect("forged"));
        Assert.Null(protector.Unprotect("forged"));
        Assert.Null(protector.Unprotect(null));

        _inner.Verify(p => p.Unprotect("forged"), Times.Exactly(2));
    }

    [Fact]
    public void Unprotect_WithPurpose_AlwaysGoesToTheInnerFormat()
    {
        _inner.Setup(p => p.Unprotect("token-a", "refresh")).Returns(Ticket("adele"));
        var protector = new CachingTicketProtector(_inner.Object, _time);

        protector.Unprotect("token-a", "refresh");
        protector.Unprotect("token-a", "refresh");

        _inner.Verify(p => p.Unprotect("token-a", "refresh"), Times.Exactly(2));
        _inner.Verify(p => p.Unprotect(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public void Unprotect_MoreTokensThanMaxEntries_StaysBoundedAndStillAnswers()
    {
        _inner.Setup(p => p.Unprotect(It.IsAny<string>())).Returns((string t) => Ticket(t));
        var protector = new CachingTicketProtector(_inner.Object, _time);

        for (var i = 0; i <= CachingTicketProtector.MaxEntries; i++) protector.Unprotect($"token-{i}");
        var again = protector.Unprotect("token-0");

        Assert.Equal("token-0", again!.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        _inner.Verify(p => p.Unprotect("token-0"), Times.Exactly(2)); // forgotten when the cache started again
    }

    [Fact]
    public void Protect_GoesToTheInnerFormat()
    {
        var ticket = Ticket("lee");
        _inner.Setup(p => p.Protect(ticket)).Returns("sealed");

        Assert.Equal("sealed", new CachingTicketProtector(_inner.Object, _time).Protect(ticket));
    }

    private AuthenticationTicket Ticket(string userId) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "test")),
            new AuthenticationProperties { ExpiresUtc = _time.GetUtcNow().AddHours(8) }, AuthSchemes.Bearer);
}
