using MeetingBot.E2E.Tests.Infrastructure;

namespace MeetingBot.E2E.Tests.WebChat;

/// <summary>One live MeetingBot host (local dev mode, demo clock, seeded tenant), the test relay in front of it, one Chromium.</summary>
public sealed class WebChatFixture : IAsyncLifetime
{
    public LiveHost Host { get; } = new();

    public WebChatRelay Relay { get; private set; } = null!;

    public BrowserSession Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host.Start();
        Relay = await WebChatRelay.StartAsync(Host.BaseAddress);
        Browser = await BrowserSession.LaunchAsync(Relay.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        if (Relay is not null) await Relay.DisposeAsync();
        await Host.DisposeAsync();
    }
}
