using MeetingBot.E2E.Tests.Infrastructure;
using Microsoft.Playwright;

namespace MeetingBot.E2E.Tests;

public sealed class SignInTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    [Fact]
    public async Task SignInPicker_FirstVisit_ListsEveryDemoUser()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync("/");

        var picker = page.GetByRole(AriaRole.List, new() { Name = "Demo users" });
        await Assertions.Expect(picker.GetByRole(AriaRole.Button)).ToHaveCountAsync(5);
        await Assertions.Expect(picker).ToContainTextAsync("Adele Vance");
        await Assertions.Expect(picker).ToContainTextAsync("Nestor Wilke");
        await BrowserSession.ScreenshotAsync(page, "sign-in");
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task SignIn_WithKeyboardOnly_ShowsMeetingsAndAdminLinkOnlyForAdmin()
    {
        var page = await fixture.Browser.NewPageAsync();
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Megan Bowen" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meetings", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync("Signed in as Megan Bowen");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Admin center" })).ToBeHiddenAsync();

        var admin = await fixture.Browser.NewPageAsync();
        await admin.GotoAsync("/");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Nestor Wilke" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Link, new() { Name = "Admin center" })).ToBeVisibleAsync();
        fixture.Browser.AssertNoConsoleErrors();
    }
}
