using MeetingBot.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static MeetingBot.E2E.Tests.Infrastructure.PageSteps;

namespace MeetingBot.E2E.Tests;

/// <summary>The seed: "I also tried using the new end meeting functionality and this didn't disconnect the call either."</summary>
public sealed class EndMeetingTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    [Fact]
    public async Task EndMeeting_OrganizerOnPhoneAudio_MeetingEndsButPhoneBannerStaysUntilHungUp()
    {
        var page = await fixture.Browser.NewPageAsync();
        await SignInAsync(page, "Adele Vance");
        await ScheduleAsync(page, "Short call");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Phone audio" }).CheckAsync();
        await page.GetByLabel("Phone number to call").FillAsync("4055550123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Call me" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=my-audio]")).ToHaveTextAsync("Phone audio: +1 405-555-0123 (connected)");

        await page.GetByRole(AriaRole.Button, new() { Name = "End meeting" }).ClickAsync();

        await Assertions.Expect(page.GetByText("This meeting has ended.")).ToBeVisibleAsync();
        await Assertions.Expect(Toasts(page)).ToContainTextAsync("The meeting has ended. 1 phone call is still connected");
        var banner = page.Locator("#phone-banner");
        await Assertions.Expect(banner).ToContainTextAsync("Your phone is still connected to the meeting (+1 405-555-0123)");
        await banner.GetByRole(AriaRole.Button, new() { Name = "End phone call" }).ClickAsync();
        await Assertions.Expect(banner).ToBeHiddenAsync();
        fixture.Browser.AssertNoConsoleErrors();
    }
}
