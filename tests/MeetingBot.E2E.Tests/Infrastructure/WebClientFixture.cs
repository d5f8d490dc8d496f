namespace MeetingBot.E2E.Tests.Infrastructure;

/// <summary>One live host and one Chromium per test class: each class starts from the seeded demo tenant.</summary>
public sealed class WebClientFixture : IAsyncLifetime
{
    public LiveHost Host { get; } = new();

    public BrowserSession Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host.Start();
        Browser = await BrowserSession.LaunchAsync(Host.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        await Host.DisposeAsync();
    }
}
