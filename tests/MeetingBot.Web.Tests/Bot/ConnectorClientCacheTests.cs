using System.Net;
using MeetingBot.Web.Bot.Connector;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// Making a ConnectorClient costs more than the rest of a turn's reply (it builds regular expressions for its user agent
/// and takes locks on shared headers), so turns share one per bot, serviceUrl and audience for a while.
/// </summary>
public class ConnectorClientCacheTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero));
    private int _made;

    [Fact]
    public async Task TurnsToTheSameServiceUrl_ShareOneClient_UntilItsLifetimeEnds()
    {
        var cache = new ConnectorClientCache(_time);

        var first = await Factory(cache).CreateAsync("http://127.0.0.1:5000/", "aud");
        var second = await Factory(cache).CreateAsync("http://127.0.0.1:5000/", "aud");
        var otherUrl = await Factory(cache).CreateAsync("http://127.0.0.1:6000/", "aud");
        var otherAudience = await Factory(cache).CreateAsync("http://127.0.0.1:5000/", "other");
        var otherBot = await Factory(cache, appId: "another-app").CreateAsync("http://127.0.0.1:5000/", "aud");

        Assert.Equal(4, _made);
        Assert.Same(first.Conversations, second.Conversations);
        Assert.NotSame(first.Conversations, otherUrl.Conversations);

        _time.Advance(ConnectorClientCache.Lifetime + TimeSpan.FromSeconds(1));
        var later = await Factory(cache).CreateAsync("http://127.0.0.1:5000/", "aud");
        Assert.Equal(5, _made);
        Assert.NotSame(first.Conversations, later.Conversations);
    }

    [Fact]
    public async Task ATurnDisposingItsClient_LeavesTheSharedOneWorking()
    {
        var handler = new CountingHandler();
        var cache = new ConnectorClientCache(_time);
        var factory = Factory(cache, handler: handler);

        var turn1 = await factory.CreateAsync("http://127.0.0.1:5000/", "aud");
        turn1.Dispose();
        var turn2 = await factory.CreateAsync("http://127.0.0.1:5000/", "aud");
        await turn2.Conversations.SendToConversationAsync("conv-1", new Microsoft.Bot.Schema.Activity { Type = "message", Text = "hi" });

        Assert.Equal(1, _made);
        Assert.Equal(1, handler.Requests);
        Assert.Throws<InvalidOperationException>(() => turn2.BaseUri = new Uri("http://127.0.0.1:6000/"));
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), turn2.BaseUri);
    }

    [Fact]
    public async Task ManyServiceUrls_KeepAtMostTheBoundOfClients()
    {
        var cache = new ConnectorClientCache(_time);
        for (var i = 0; i < ConnectorClientCache.MaxClients + 50; i++)
            await Factory(cache).CreateAsync($"http://127.0.0.1:{10000 + i}/", "aud");

        Assert.InRange(cache.Count, 1, ConnectorClientCache.MaxClients);
    }

    private SharedContractsConnectorFactory Factory(ConnectorClientCache cache, string? appId = "bot-app", HttpMessageHandler? handler = null)
    {
        var inner = new Mock<ConnectorFactory>();
        inner.Setup(f => f.CreateAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string url, string _, CancellationToken _) =>
            {
                Interlocked.Increment(ref _made);
                return new ConnectorClient(new Uri(url), MicrosoftAppCredentials.Empty, new HttpClient(handler ?? new CountingHandler()), disposeHttpClient: true);
            });
        return new SharedContractsConnectorFactory(inner.Object, cache, appId);
    }

    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Requests;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Requests);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{\"id\":\"r1\"}", System.Text.Encoding.UTF8, "application/json") });
        }
    }
}

/// <summary>Bot Builder asks for a user-token client every turn; it is made only if a turn signs someone in.</summary>
public class LazyUserTokenClientTests
{
    [Fact]
    public async Task TheUserTokenClient_IsMadeOnFirstUse_Once()
    {
        var inner = new Mock<BotFrameworkAuthentication>();
        var real = new Mock<UserTokenClient>();
        real.Setup(c => c.GetUserTokenAsync("u1", "graph", "emulator", null!, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Microsoft.Bot.Schema.TokenResponse { Token = "t-1" });
        inner.Setup(a => a.CreateUserTokenClientAsync(It.IsAny<System.Security.Claims.ClaimsIdentity>(), It.IsAny<CancellationToken>())).ReturnsAsync(real.Object);
        var auth = new FastConnectorBotFrameworkAuthentication(inner.Object);

        using var client = await auth.CreateUserTokenClientAsync(new System.Security.Claims.ClaimsIdentity(), CancellationToken.None);
        inner.Verify(a => a.CreateUserTokenClientAsync(It.IsAny<System.Security.Claims.ClaimsIdentity>(), It.IsAny<CancellationToken>()), Times.Never);

        var token = await client.GetUserTokenAsync("u1", "graph", "emulator", null!, CancellationToken.None);
        await client.GetUserTokenAsync("u1", "graph", "emulator", null!, CancellationToken.None);

        Assert.Equal("t-1", token.Token);
        inner.Verify(a => a.CreateUserTokenClientAsync(It.IsAny<System.Security.Claims.ClaimsIdentity>(), It.IsAny<CancellationToken>()), Times.Once);
    }
}
