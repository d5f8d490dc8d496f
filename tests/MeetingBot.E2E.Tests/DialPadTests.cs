using MeetingBot.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static MeetingBot.E2E.Tests.Infrastructure.PageSteps;

namespace MeetingBot.E2E.Tests;

/// <summary>
/// Beyond Teams, in the browser: the call panel's keypad stands in for the phone's keys. *6 mutes the phone (the roster
/// shows it), *1 says the minutes this call's funding has left.
/// </summary>
public sealed class DialPadTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    [Fact]
    public async Task DialPad_Star6MutesInTheRoster_Star1SaysTheMinutesLeft()
    {
        var browser = fixture.Browser;
        var adele = await browser.NewPageAsync();
        await SignInAsync(adele, "Adele Vance");
        await ScheduleAsync(adele, "Keypad check");
        await adele.GetByRole(AriaRole.Radio, new() { Name = "Phone audio" }).CheckAsync();
        await adele.GetByLabel("Phone number to call").FillAsync("405 555 0100");
        await adele.GetByRole(AriaRole.Button, new() { Name = "Call me" }).ClickAsync();
        await Assertions.Expect(adele.Locator("[data-testid=my-audio]")).ToHaveTextAsync("Phone audio: +1 405-555-0100 (connected)");

        var pad = adele.Locator("[data-testid=phone-panel] [data-testid=dialpad]");
        await pad.GetByText("Phone keypad (simulation)").ClickAsync();
        await pad.GetByRole(AriaRole.Button, new() { Name = "Mute / unmute (*6)" }).ClickAsync();
        await Assertions.Expect(pad.GetByTestId("dialpad-heard")).ToHaveTextAsync("🔊 You are muted. Press star 6 to unmute.");
        var roster = adele.GetByRole(AriaRole.List, new() { Name = "Participants" });
        var adeleInRoster = roster.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Adele Vance" });
        await Assertions.Expect(adeleInRoster.GetByTestId("leg-muted")).ToHaveTextAsync(" · 🔇 muted");
        await Assertions.Expect(adele.Locator("[data-testid=my-audio]")).ToContainTextAsync("muted");

        // The pad's own keys, sent in one press: * then 1.
        await pad.GetByRole(AriaRole.Button, new() { Name = "Key *" }).ClickAsync();
        await pad.GetByRole(AriaRole.Button, new() { Name = "Key 1" }).ClickAsync();
        await Assertions.Expect(pad.GetByTestId("dialpad-typed")).ToHaveTextAsync("*1");
        await pad.GetByTestId("dialpad-send").ClickAsync();
        // 120 pooled minutes, the first one paid at connect: 120 with the minute in progress.
        await Assertions.Expect(pad.GetByTestId("dialpad-heard")).ToHaveTextAsync(
            "🔊 This call can go on for about 120 more minutes with your organization's dial-out minutes and Communications Credits.");
        await BrowserSession.ScreenshotAsync(adele, "dial-pad");

        await pad.GetByRole(AriaRole.Button, new() { Name = "Mute / unmute (*6)" }).ClickAsync();
        await Assertions.Expect(adeleInRoster.GetByTestId("leg-muted")).ToHaveCountAsync(0);
        await Assertions.Expect(pad.GetByTestId("dialpad-heard")).ToHaveTextAsync("🔊 You are unmuted.");
        browser.AssertNoConsoleErrors();
    }
}
