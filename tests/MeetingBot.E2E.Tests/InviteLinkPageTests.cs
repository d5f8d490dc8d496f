using System.Text.Json;
using System.Text.RegularExpressions;
using MeetingBot.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static MeetingBot.E2E.Tests.Infrastructure.PageSteps;

namespace MeetingBot.E2E.Tests;

/// <summary>Every link of the invite opened in the browser: join, find a local number, reset PIN, meeting options, and the lobby.</summary>
public sealed class InviteLinkPageTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    private const string Caller = "+1 206-555-0199";

    [Fact]
    public async Task JoinLink_OpenedDirectlyBeforeSignIn_SignInLandsOnThatMeetingsPreJoin()
    {
        var adele = await fixture.Browser.NewPageAsync();
        await SignInAsync(adele, "Adele Vance");
        var meetingId = await ScheduleAsync(adele, "Roadmap review");

        // Someone else clicks the invite's join link in a fresh browser: the host sends them to the client's route.
        var lee = await fixture.Browser.NewPageAsync();
        await lee.GotoAsync($"/meet/{meetingId}");
        await lee.GetByRole(AriaRole.List, new() { Name = "Demo users" }).GetByRole(AriaRole.Button, new() { Name = "Lee Gu" }).ClickAsync();

        await Assertions.Expect(lee.GetByRole(AriaRole.Heading, new() { Name = "Roadmap review", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(lee).ToHaveURLAsync(new Regex($"#/meetings/{meetingId}$"));
        await Assertions.Expect(lee.GetByRole(AriaRole.Button, new() { Name = "Join now" })).ToBeVisibleAsync();
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task FindLocalNumber_OpenedWithoutSignIn_ListsTheBridgeNumbersAndFiltersByCountry()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync("/dialin/contoso");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Find a local number", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("#/dialin/contoso$"));
        await Assertions.Expect(page.Locator("[data-testid=toll-number]")).ToHaveTextAsync("+1 405-666-0187");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Local dial-in numbers" });
        var rows = table.Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        var london = rows.Filter(new() { HasText = "London" });
        await Assertions.Expect(london).ToContainTextAsync("United Kingdom");
        await Assertions.Expect(london.GetByRole(AriaRole.Link, new() { Name = "+44 20 3443 8787" })).ToHaveAttributeAsync("href", "tel:+442034438787");
        await BrowserSession.ScreenshotAsync(page, "find-a-local-number");

        await page.GetByLabel("Search by country or city").FillAsync("germ");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows).ToContainTextAsync("Berlin");
        await Assertions.Expect(page.Locator("[data-testid=local-number-count]")).ToHaveTextAsync("1 of 4 numbers");
        await page.GetByLabel("Search by country or city").FillAsync("Narnia");
        await Assertions.Expect(rows).ToContainTextAsync("No local number matches");
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task ResetPinAndMeetingOptions_FromTheInviteCard_OrganizerChangesThemAndOthersAreTold()
    {
        var adele = await fixture.Browser.NewPageAsync();
        await SignInAsync(adele, "Adele Vance");
        var meetingId = await ScheduleAsync(adele, "Options check");

        // "Reset PIN" on the invite opens the client's PIN page; the new PIN is shown once.
        await InviteCard(adele).GetByRole(AriaRole.Link, new() { Name = "Reset PIN" }).ClickAsync();
        await Assertions.Expect(adele.GetByRole(AriaRole.Heading, new() { Name = "Dial-in PIN", Level = 1 })).ToBeVisibleAsync();
        await adele.GetByRole(AriaRole.Button, new() { Name = "Reset PIN" }).ClickAsync();
        await Assertions.Expect(adele.Locator("[data-testid=new-pin]")).ToHaveTextAsync(new Regex(@"Your new PIN is \d{5}\."));

        fixture.Browser.ExpectFailedRequest("/api/me/pin", 400);
        var pin = adele.GetByLabel("New PIN");
        await pin.FillAsync("12");
        await pin.PressAsync("Enter");
        await Assertions.Expect(adele.GetByRole(AriaRole.Alert)).ToHaveTextAsync("A PIN is 4 to 12 digits.");
        await Assertions.Expect(pin).ToHaveAttributeAsync("aria-invalid", "true");
        await pin.FillAsync("24680");
        await adele.GetByRole(AriaRole.Button, new() { Name = "Set PIN", Exact = true }).ClickAsync();
        await Assertions.Expect(adele.GetByText("Your PIN was changed.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(adele, "dial-in-pin");

        // The invite's options link, opened directly: the organizer sets the lobby.
        await adele.GotoAsync($"/meetings/{meetingId}/options");
        await Assertions.Expect(adele.GetByRole(AriaRole.Heading, new() { Name = "Meeting options", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(adele.GetByRole(AriaRole.Radio, new() { Name = "People in my organization" })).ToBeCheckedAsync();
        await Assertions.Expect(adele.Locator("main")).Not.ToContainTextAsync("null");
        await adele.GetByRole(AriaRole.Radio, new() { Name = "Only me" }).CheckAsync();
        await adele.GetByRole(AriaRole.Checkbox, new() { Name = "People dialing in by phone can bypass the lobby" }).CheckAsync();
        await adele.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(adele.GetByText("Meeting options saved.")).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(adele, "meeting-options");
        var saved = await GetJsonAsync(adele, $"/api/meetings/{meetingId}");
        Assert.Equal("OnlyOrganizer", saved.GetProperty("lobbyBypass").GetString());
        Assert.True(saved.GetProperty("dialInCallersBypass").GetBoolean());

        // Anyone else who opens the link is told who can change the options.
        var megan = await fixture.Browser.NewPageAsync();
        await SignInAsync(megan, "Megan Bowen");
        fixture.Browser.ExpectFailedRequest($"/api/meetings/{meetingId}/options", 403);
        await megan.GotoAsync($"/meetings/{meetingId}/options");
        await Assertions.Expect(megan.Locator("[data-testid=options-not-organizer]"))
            .ToHaveTextAsync("Only the organizer, Adele Vance, can change the options of this meeting.");
        await Assertions.Expect(megan.GetByRole(AriaRole.Button, new() { Name = "Save" })).ToHaveCountAsync(0);
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Lobby_DialInCallerWaits_OrganizerAdmitsFromTheMeetingWindow()
    {
        var adele = await fixture.Browser.NewPageAsync();
        await SignInAsync(adele, "Adele Vance");
        var meetingId = await ScheduleAsync(adele, "Lobby check");
        await adele.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        var lobby = adele.GetByRole(AriaRole.List, new() { Name = "Waiting in lobby" });
        await Assertions.Expect(adele.GetByText("No one is waiting.")).ToBeVisibleAsync();

        // A caller dials the toll number and keys the conference ID, then # (no PIN): they wait in the lobby.
        var meeting = await GetJsonAsync(adele, $"/api/meetings/{meetingId}");
        var conferenceId = meeting.GetProperty("invite").GetProperty("dialIn").GetProperty("conferenceId").GetString();
        var session = await PostJsonAsync(adele, "/api/sim/dialin", new { dialedNumber = "+14056660187", callerNumber = "2065550199" });
        var sessionId = session.GetProperty("id").GetString();
        await PostJsonAsync(adele, $"/api/sim/dialin/{sessionId}/digits", new { digits = conferenceId + "#" });
        var waiting = await PostJsonAsync(adele, $"/api/sim/dialin/{sessionId}/digits", new { digits = "#" });
        Assert.Equal("InLobby", waiting.GetProperty("stage").GetString());

        var admit = adele.GetByRole(AriaRole.Button, new() { Name = $"Admit {Caller}" });
        await Assertions.Expect(admit).ToBeVisibleAsync();
        await Assertions.Expect(adele.GetByRole(AriaRole.Heading, new() { Name = "Waiting in lobby (1)" })).ToBeVisibleAsync();
        var roster = adele.GetByRole(AriaRole.List, new() { Name = "Participants" });
        await Assertions.Expect(roster).Not.ToContainTextAsync(Caller);
        await BrowserSession.ScreenshotAsync(adele, "meeting-window-lobby");

        await admit.FocusAsync();
        await adele.Keyboard.PressAsync("Enter");

        await Assertions.Expect(roster.GetByRole(AriaRole.Listitem).Filter(new() { HasText = Caller })).ToContainTextAsync("connected");
        await Assertions.Expect(lobby.GetByRole(AriaRole.Listitem)).ToHaveCountAsync(0);
        await Assertions.Expect(adele.GetByText("No one is waiting.")).ToBeVisibleAsync();
        await Assertions.Expect(adele.GetByRole(AriaRole.Heading, new() { Name = "Waiting in lobby (0)" })).ToBeFocusedAsync();
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Lobby_OptionsOnlyMe_ColleagueWaitsUntilTheOrganizerAdmitsThem()
    {
        var adele = await fixture.Browser.NewPageAsync();
        await SignInAsync(adele, "Adele Vance");
        var meetingId = await ScheduleAsync(adele, "Interview panel");
        var options = await adele.APIRequest.PutAsync($"/api/meetings/{meetingId}/lobby", new() { DataObject = new { bypass = "OnlyOrganizer", dialInCallersBypass = false } });
        Assert.True(options.Ok);
        await adele.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();

        var lee = await fixture.Browser.NewPageAsync();
        await SignInAsync(lee, "Lee Gu");
        await lee.GotoAsync($"/meet/{meetingId}");
        await lee.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();
        var leeStage = lee.Locator("[data-testid=stage-text]");
        await Assertions.Expect(leeStage).ToHaveTextAsync("You are waiting in the lobby. Someone in the meeting will let you in soon.");

        await adele.GetByRole(AriaRole.Button, new() { Name = "Admit Lee Gu" }).ClickAsync();

        await Assertions.Expect(leeStage).ToHaveTextAsync("You are in the meeting.");
        await Assertions.Expect(adele.GetByRole(AriaRole.List, new() { Name = "Participants" })).ToContainTextAsync("Lee Gu");
        fixture.Browser.AssertNoConsoleErrors();
    }

    private static async Task<JsonElement> GetJsonAsync(IPage page, string url)
    {
        var response = await page.APIRequest.GetAsync(url);
        Assert.True(response.Ok, $"GET {url}: {response.Status}");
        return (await response.JsonAsync())!.Value;
    }

    private static async Task<JsonElement> PostJsonAsync(IPage page, string url, object body)
    {
        var response = await page.APIRequest.PostAsync(url, new() { DataObject = body });
        Assert.True(response.Ok, $"POST {url}: {response.Status}");
        return (await response.JsonAsync())!.Value;
    }
}
