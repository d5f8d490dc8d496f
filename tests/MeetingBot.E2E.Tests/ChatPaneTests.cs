using System.Text.RegularExpressions;
using MeetingBot.E2E.Tests.Infrastructure;
using MeetingBot.E2E.Tests.WebChat;
using Microsoft.Playwright;

namespace MeetingBot.E2E.Tests;

/// <summary>
/// The chat pane of the web client: Microsoft's Web Chat 4.18.1 (bundled in wwwroot/lib) talking to the bot over the
/// product's own channel (/hubs/chat). The whole story runs signed in as Adele, and the page may log no console error and
/// no warning (Web Chat warns with console.warn when it holds a message back or cannot render one).
/// </summary>
public sealed partial class ChatPaneTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    private readonly List<string> _warnings = [];

    [Fact]
    public async Task ChatPane_ScheduleJoinCallMeCutOffReload_RunsInChatWithNoWarningOrError()
    {
        var page = await OpenAsync();
        await PageSteps.SignInAsync(page, "Adele Vance");
        await page.GetByRole(AriaRole.Button, new() { Name = "Chat", Exact = true }).ClickAsync();
        await ExpectCardAsync(page, "Welcome to MeetingBot");

        await SayAsync(page, "schedule Weekly sync");
        var invite = await ExpectCardAsync(page, "Weekly sync");
        await Assertions.Expect(invite).ToContainTextAsync("+1 405-666-0187");
        await ShotAsync(page, "chat-invite");

        // The invite's Join opens the client's pre-join screen, as Teams opens the meeting.
        await invite.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Weekly sync", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Phone audio" })).ToBeVisibleAsync();
        var meetingId = MeetingIdInUrl().Match(page.Url).Groups[1].Value;
        Assert.NotEmpty(meetingId);
        await ShotAsync(page, "chat-join-prejoin");

        // Call me from the bot's pre-join card: the number, then the confirm card's Call.
        await SayAsync(page, $"join {meetingId}");
        var preJoin = await ExpectCardAsync(page, "Choose your audio");
        await preJoin.Locator("input").FillAsync("405 555 0100");
        await preJoin.GetByRole(AriaRole.Button, new() { Name = "Call me", Exact = true }).ClickAsync();
        var confirm = await ExpectCardAsync(page, "+1 405-555-0100");
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true }).ClickAsync();
        await ExpectBotMessageAsync(page, "is connected to meeting");

        // The pool runs dry: the call is cut off, and the next dial-out gets Teams' error, in chat and as a toast.
        await SayAsync(page, "fast forward 200");
        await ExpectBotMessageAsync(page, "was cut off after");
        await SayAsync(page, "call me at 405 555 0100 now");
        await ExpectBotMessageAsync(page, PageSteps.NotSetUp);
        await Assertions.Expect(PageSteps.Toasts(page)).ToContainTextAsync(PageSteps.NotSetUp);
        await ShotAsync(page, "chat-cut-off-error");

        // A reload keeps the conversation: the pane comes back with its history.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#chat-pane")).ToBeVisibleAsync();
        await ExpectBotMessageAsync(page, PageSteps.NotSetUp);
        await ExpectCardAsync(page, "Weekly sync");
        await Assertions.Expect(page.Locator(".webchat__bubble--from-user").Filter(new() { HasText = "schedule Weekly sync" })).ToHaveCountAsync(1);
        await ShotAsync(page, "chat-history-after-reload");

        lock (_warnings) Assert.True(_warnings.Count == 0, "Web Chat warnings:\n" + string.Join('\n', _warnings));
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task MeetingChat_SomeoneJoinsAndAPhoneConnects_TheChatSaysSo()
    {
        var adele = await OpenAsync();
        await PageSteps.SignInAsync(adele, "Adele Vance");
        var meetingId = await PageSteps.ScheduleAsync(adele, "Design review");
        await adele.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        // The meeting window's own button opens the meeting's chat beside it.
        await adele.GetByRole(AriaRole.Toolbar, new() { Name = "Meeting controls" }).GetByRole(AriaRole.Button, new() { Name = "Meeting chat" }).ClickAsync();
        await Assertions.Expect(adele.Locator("#chat-conversation option:checked")).ToHaveTextAsync("Meeting chat: Design review");

        var megan = await OpenAsync();
        await PageSteps.SignInAsync(megan, "Megan Bowen");
        await megan.GotoAsync($"/#/meetings/{meetingId}");
        await megan.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        await ExpectBotMessageAsync(adele, "Megan Bowen joined.");

        // People in the meeting chat talk to each other; the bot answers only when addressed.
        await SayAsync(adele, "Agenda in the invite");
        await SayAsync(adele, "@MeetingBot call me at 405 555 0100 now");
        await ExpectBotMessageAsync(adele, "connected (Call me).");
        await ShotAsync(adele, "chat-meeting");
        // The phone is hung up again, so the other story in this host starts with no call using the pool.
        await SayAsync(adele, "@MeetingBot hang up");
        await ExpectBotMessageAsync(adele, "📞 Hung up +1 405-555-0100");

        lock (_warnings) Assert.True(_warnings.Count == 0, "Web Chat warnings:\n" + string.Join('\n', _warnings));
        fixture.Browser.AssertNoConsoleErrors();
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await fixture.Browser.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type is "warning" or "warn") lock (_warnings) _warnings.Add($"{message.Text} ({message.Location})");
        };
        return page;
    }

    private static ILocator Pane(IPage page) => page.Locator("#chat-pane");

    // The echo from /hubs/chat is what turns the user's bubble from "sending" to sent.
    private static Task SayAsync(IPage page, string text) => WebChatSteps.SayAsync(Pane(page), text);

    private static Task<ILocator> ExpectCardAsync(IPage page, string text) => WebChatSteps.ExpectCardAsync(Pane(page), text);

    private static Task ExpectBotMessageAsync(IPage page, string text) => WebChatSteps.ExpectBotMessageAsync(Pane(page), text);

    private static async Task ShotAsync(IPage page, string name)
    {
        // Let Web Chat finish scrolling to the newest activity before the picture.
        await page.WaitForTimeoutAsync(500);
        await BrowserSession.ScreenshotAsync(page, name);
    }

    [GeneratedRegex("#/meetings/([^/?#]+)")]
    private static partial Regex MeetingIdInUrl();
}
