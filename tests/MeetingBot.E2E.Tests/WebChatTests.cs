using System.Text.Json.Nodes;
using MeetingBot.E2E.Tests.Infrastructure;
using MeetingBot.E2E.Tests.WebChat;
using Microsoft.Playwright;

namespace MeetingBot.E2E.Tests;

/// <summary>
/// The bot as people meet it outside Teams: Microsoft's Web Chat 4.18.1 (the pinned bundle in tools/webchat) in
/// Chromium at its default width, talking to the real host through the Emulator-like test relay. Every reply must
/// render (each Adaptive Card the bot sent becomes an <c>.ac-adaptiveCard</c> in the page), and the page may log no
/// console error and no warning: Web Chat reports what it holds back or cannot render with console.warn.
/// </summary>
public sealed class WebChatTests(WebChatFixture fixture) : IClassFixture<WebChatFixture>
{
    private const string AdaptiveCardType = "application/vnd.microsoft.card.adaptive";

    // Web Chat's default bubble (~480 px) sits in a page this wide, as in its samples.
    private const int Width = 800;
    private const int Height = 1000;

    private readonly List<string> _warnings = [];

    [Fact]
    public async Task WebChat_SeedStory_EveryReplyRendersWithNoWarningOrError()
    {
        var page = await OpenAsync();

        await ExpectCardAsync(page, "Welcome to MeetingBot");
        await ShotAsync(page, "webchat-welcome");

        await SayAsync(page, "help");
        await ShotAsync(await ExpectCardAsync(page, "What I can do"), "webchat-help");

        await SayAsync(page, "schedule Weekly sync");
        var invite = await ExpectCardAsync(page, "Weekly sync");
        await Assertions.Expect(invite).ToContainTextAsync("+1 405-666-0187");
        await ShotAsync(invite, "webchat-invite-dial-in");

        await SayAsync(page, "act as megan");
        await ExpectMessageAsync(page, "Megan");
        await SayAsync(page, "schedule No dial-in");
        var noDialIn = await ExpectCardAsync(page, "No dial-in");
        await Assertions.Expect(noDialIn).Not.ToContainTextAsync("+1 405-666-0187");
        await ShotAsync(noDialIn, "webchat-invite-no-dial-in");

        // The cut-off: Adele's phone runs the tenant's pooled minutes dry, then Teams' own error, word for word.
        await SayAsync(page, "act as adele");
        await ExpectMessageAsync(page, "Adele");
        await SayAsync(page, "schedule Cut-off demo");
        await ExpectCardAsync(page, "Cut-off demo");
        await SayAsync(page, "call me at 405 555 0100 now");
        await ExpectMessageAsync(page, "is connected to meeting");
        // The roster card posted while the phone rang is redrawn in place once it answers.
        await Assertions.Expect(page.Locator(".ac-adaptiveCard").Filter(new() { HasText = "ringing" })).ToHaveCountAsync(0);
        await SayAsync(page, "fast forward 200");
        await ExpectMessageAsync(page, "was cut off after");
        await SayAsync(page, "call me at 405 555 0100 now");
        await ExpectMessageAsync(page, PageSteps.NotSetUp);
        await ShotAsync(page, "webchat-cut-off-error");

        await SayAsync(page, "act as nestor");
        await ExpectMessageAsync(page, "Nestor");
        await SayAsync(page, "usage");
        var usage = await ExpectCardAsync(page, "PSTN usage");
        await Assertions.Expect(usage).ToContainTextAsync("Adele Vance");
        await Assertions.Expect(usage).ToContainTextAsync("MCOMEETADD");
        await Assertions.Expect(usage.GetByRole(AriaRole.Button, new() { Name = "Full report" })).ToBeVisibleAsync();
        await ShotAsync(usage, "webchat-usage");
        await SayAsync(page, "pools");
        var pools = await ExpectCardAsync(page, "PSTN minute pools");
        await Assertions.Expect(pools).ToContainTextAsync("120/120");
        await Assertions.Expect(pools).ToContainTextAsync("No minutes: MCOPSTN1, MCOPSTN2 (no licenses).");
        await ShotAsync(pools, "webchat-pools");

        await AssertEverythingRenderedAsync(page);
    }

    /// <summary>
    /// The cards' buttons work in Web Chat as in the Emulator: the invite's Join opens the pre-join card, its Call me
    /// sends the typed number and shows what the call would cost before anyone is dialled, and Cancel dials nobody.
    /// </summary>
    [Fact]
    public async Task WebChat_CardButtons_JoinThenCallMeThenCancel_EachAnswerRenders()
    {
        // A relay of its own: the render check counts only what this conversation was sent.
        await using var relay = await WebChatRelay.StartAsync(fixture.Host.BaseAddress);
        var page = await OpenAsync(relay);
        await ExpectCardAsync(page, "Welcome to MeetingBot");
        await SayAsync(page, "act as lee");
        await ExpectMessageAsync(page, "Lee");
        await SayAsync(page, "schedule Buttons demo");
        var invite = await ExpectCardAsync(page, "Buttons demo");

        await invite.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        var preJoin = await ExpectCardAsync(page, "Join now");
        await preJoin.GetByRole(AriaRole.Textbox).FillAsync("405 555 0123");
        await preJoin.GetByRole(AriaRole.Button, new() { Name = "Call me", Exact = true }).ClickAsync();
        var confirm = await ExpectCardAsync(page, "Paid by");
        await Assertions.Expect(confirm).ToContainTextAsync("+1 405-555-0123");
        await ShotAsync(confirm, "webchat-call-me-cost-preview");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await ExpectMessageAsync(page, "Cancelled: nobody was called.");

        await AssertEverythingRenderedAsync(page, relay);
        await page.CloseAsync(); // before its relay goes: a page left open keeps reconnecting and logs errors
    }

    /// <summary>
    /// The guard itself: a bot message that answers an activity the page never saw is held back and warned about by
    /// Web Chat (what proactive notices with a made-up replyToId did), and this class's warning collector sees it.
    /// </summary>
    [Fact]
    public async Task WebChat_ReplyToAnActivityThePageNeverSaw_IsCaughtAsAWebChatWarning()
    {
        await using var relay = await WebChatRelay.StartAsync(fixture.Host.BaseAddress);
        var page = await OpenAsync(relay);
        await ExpectCardAsync(page, "Welcome to MeetingBot");

        relay.PushAsBot(new JsonObject { ["type"] = "message", ["text"] = "A notice that claims to answer something", ["replyToId"] = "never-sent" });

        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30) && !Warned(); waited += TimeSpan.FromMilliseconds(250))
            await Task.Delay(250);
        lock (_warnings) Assert.True(Warned(), "No Web Chat warning about the unknown replyToId; warnings:\n" + string.Join('\n', _warnings));
        await page.CloseAsync(); // before its relay goes: a page left open keeps reconnecting and logs errors

        bool Warned()
        {
            lock (_warnings) return _warnings.Any(w => w.Contains("never-sent", StringComparison.Ordinal));
        }
    }

    private async Task<IPage> OpenAsync(WebChatRelay? relay = null)
    {
        var page = await fixture.Browser.NewPageAsync((relay ?? fixture.Relay).BaseAddress, Width, Height);
        page.Console += (_, message) =>
        {
            if (message.Type is "warning" or "warn") lock (_warnings) _warnings.Add($"{message.Text} ({message.Location})");
        };
        await page.GotoAsync("/");
        return page;
    }

    private static Task SayAsync(IPage page, string text) => WebChatSteps.SayAsync(page.Locator("body"), text);

    private static Task<ILocator> ExpectCardAsync(IPage page, string text) => WebChatSteps.ExpectCardAsync(page.Locator("body"), text);

    private static Task ExpectMessageAsync(IPage page, string text) => WebChatSteps.ExpectBotMessageAsync(page.Locator("body"), text);

    /// <summary>The page as the person sees it (Web Chat scrolled to the newest activity).</summary>
    private async Task ShotAsync(IPage page, string name)
    {
        await fixture.Relay.DrainAsync();
        // Let Web Chat finish scrolling to the newest activity before the picture.
        await page.WaitForTimeoutAsync(500);
        await BrowserSession.ScreenshotAsync(page, name);
    }

    /// <summary>One card at Web Chat's default bubble width, whole even when taller than the viewport.</summary>
    private static async Task ShotAsync(ILocator card, string name)
    {
        Directory.CreateDirectory(BrowserSession.ScreenshotDirectory);
        await card.ScreenshotAsync(new() { Path = Path.Combine(BrowserSession.ScreenshotDirectory, name + ".png") });
    }

    private async Task AssertEverythingRenderedAsync(IPage page, WebChatRelay? relay = null)
    {
        relay ??= fixture.Relay;
        await relay.DrainAsync();
        // An activity the bot updated was sent again under its id: the page shows its last version once.
        var sent = relay.Sent.GroupBy(a => (string?)a["id"]).Select(g => g.Last()).ToList();
        var cards = sent.Count(a => (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot" &&
            a["attachments"] is JsonArray attachments && attachments.Any(x => (string?)x?["contentType"] == AdaptiveCardType));
        var texts = sent.Count(a => (string?)a["type"] == "message" && (string?)a["from"]?["role"] == "bot");

        // Every card the bot sent is on the page, and every bot message has its bubble (nothing held back).
        await Assertions.Expect(page.Locator(".ac-adaptiveCard")).ToHaveCountAsync(cards);
        await Assertions.Expect(page.Locator(".webchat__stacked-layout--from-bot, .webchat__stacked-layout:not(.webchat__stacked-layout--from-user)")).ToHaveCountAsync(texts);

        Assert.True(relay.Failures.Count == 0, "Relay failures:\n" + string.Join('\n', relay.Failures));
        lock (_warnings) Assert.True(_warnings.Count == 0, "Web Chat warnings:\n" + string.Join('\n', _warnings));
        fixture.Browser.AssertNoConsoleErrors();
    }
}
