using MeetingBot.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static MeetingBot.E2E.Tests.Infrastructure.PageSteps;

namespace MeetingBot.E2E.Tests;

/// <summary>The seed's two invites and the pre-join screen's audio choices.</summary>
public sealed class InviteAndPreJoinTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    [Fact]
    public async Task Schedule_OrganizerWithoutAudioConferencing_InviteHasJoinLinkOnlyAndPhoneAudioIsDisabled()
    {
        var page = await fixture.Browser.NewPageAsync();
        await SignInAsync(page, "Megan Bowen");
        await ScheduleAsync(page, "Marketing sync");

        var card = InviteCard(page);
        await Assertions.Expect(card).ToContainTextAsync("Click here to join the meeting");
        await Assertions.Expect(card).Not.ToContainTextAsync("Conference ID");
        await Assertions.Expect(card).Not.ToContainTextAsync("(Toll)");
        var phoneAudio = page.GetByRole(AriaRole.Radio, new() { Name = "Phone audio" });
        await Assertions.Expect(phoneAudio).ToBeDisabledAsync();
        await Assertions.Expect(phoneAudio).ToHaveAccessibleDescriptionAsync(NoDialIn);
        await Assertions.Expect(page.GetByText(NoDialIn, new() { Exact = true })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "prejoin-no-audio-conferencing");
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task Schedule_OrganizerWithAudioConferencing_InviteShowsTollNumberAndConferenceId()
    {
        var page = await fixture.Browser.NewPageAsync();
        await SignInAsync(page, "Adele Vance");
        var meetingId = await ScheduleAsync(page, "Budget review");

        var card = InviteCard(page);
        await Assertions.Expect(card).ToContainTextAsync("+1 405-666-0187");
        await Assertions.Expect(card).ToContainTextAsync("Phone Conference ID:");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "Find a local number" })).ToBeVisibleAsync();
        var conferenceId = await card.GetByText("Phone Conference ID:").TextContentAsync();
        Assert.Matches(@"Phone Conference ID: \d{3} \d{3} \d{3}#", conferenceId);
        await Assertions.Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Phone audio" })).ToBeEnabledAsync();

        // The meetings list offers the new meeting, and the join-by-link box accepts the invite's link.
        await page.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Budget review", Exact = true })).ToBeVisibleAsync();
        await page.GetByLabel("Meeting link or ID").FillAsync($"http://localhost:3978/meet/{meetingId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Budget review", Level = 1 })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "prejoin-with-dial-in");
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task PhoneAudio_TenDigitUsNumber_PreviewShowsE164BeforeCallMe()
    {
        var page = await fixture.Browser.NewPageAsync();
        await SignInAsync(page, "Adele Vance");
        await ScheduleAsync(page, "Number check");

        await page.GetByRole(AriaRole.Radio, new() { Name = "Phone audio" }).CheckAsync();
        await page.GetByLabel("Phone number to call").FillAsync("(425) 555-0199");

        await Assertions.Expect(page.Locator("[data-testid=callme-number-e164]")).ToHaveTextAsync("+14255550199");
        await Assertions.Expect(page.Locator("[data-testid=callme-number-preview]")).ToContainTextAsync("+1 425-555-0199");
        // Beyond Teams: what the call would cost, before a minute is spent (other tests of this host may have used pooled minutes).
        await Assertions.Expect(page.Locator("[data-testid=callme-number-country]")).ToHaveTextAsync("United States (US), Zone A");
        await Assertions.Expect(page.Locator("[data-testid=callme-number-payer]")).ToContainTextAsync("the tenant's pooled minutes (");
        await Assertions.Expect(page.Locator("[data-testid=callme-number-policy]")).ToHaveTextAsync("Any destination (yours, as the organizer): allows this number");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Call me" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Join now" })).ToBeHiddenAsync();
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task JoinNow_ComputerAudio_OpensMeetingWindowWithMeInRoster()
    {
        var page = await fixture.Browser.NewPageAsync();
        await SignInAsync(page, "Lee Gu");
        await ScheduleAsync(page, "Standup");

        await page.GetByRole(AriaRole.Button, new() { Name = "Join now" }).ClickAsync();

        var roster = page.GetByRole(AriaRole.List, new() { Name = "Participants" });
        await Assertions.Expect(roster).ToContainTextAsync("Lee Gu");
        await Assertions.Expect(page.Locator("[data-testid=my-audio]")).ToHaveTextAsync("Computer audio");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "End meeting" })).ToBeVisibleAsync();
        fixture.Browser.AssertNoConsoleErrors();
    }
}
