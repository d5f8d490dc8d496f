using Microsoft.Playwright;

namespace MeetingBot.E2E.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium driven by Playwright (no browser download). Every page opened here records console errors and
/// uncaught exceptions; <see cref="AssertNoConsoleErrors"/> fails the test on any that was not declared expected.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

    private readonly List<string> _errors = [];
    private readonly List<(string UrlPart, int Status)> _expectedFailures = [];
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private BrowserSession(IPlaywright playwright, IBrowser browser, Uri baseAddress)
    {
        _playwright = playwright;
        _browser = browser;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task<BrowserSession> LaunchAsync(Uri baseAddress)
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium (scripts/test.sh does).");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // Pushes travel through the ticker (once a second): give assertions room on a busy 2-core machine.
        Assertions.SetDefaultExpectTimeout(15_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        return new BrowserSession(playwright, browser, baseAddress);
    }

    /// <summary>A fresh context (own cookies and storage: one signed-in person) at 1366×768.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(BaseAddress, 1366, 768);

    /// <summary>A fresh context on another site (e.g. the Web Chat relay) at the given viewport.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, int width, int height)
    {
        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && !IsExpected(message)) lock (_errors) _errors.Add($"console: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) => { lock (_errors) _errors.Add($"page error: {error}"); };
        return page;
    }

    /// <summary>A 4xx the story provokes on purpose (e.g. "Call me" with no minutes left): Chromium logs it as an error.</summary>
    public void ExpectFailedRequest(string urlPart, int status)
    {
        lock (_errors) _expectedFailures.Add((urlPart, status));
    }

    public void AssertNoConsoleErrors()
    {
        lock (_errors) Assert.True(_errors.Count == 0, "Browser console errors:\n" + string.Join('\n', _errors));
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = false });
    }

    private bool IsExpected(IConsoleMessage message)
    {
        if (!message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) return false;
        lock (_errors)
            return _expectedFailures.Any(e => message.Location.Contains(e.UrlPart, StringComparison.Ordinal) &&
                                              message.Text.Contains($"status of {e.Status}", StringComparison.Ordinal));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
