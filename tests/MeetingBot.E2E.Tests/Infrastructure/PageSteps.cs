using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MeetingBot.E2E.Tests.Infrastructure;

/// <summary>The clicks every story starts with, written once.</summary>
public static partial class PageSteps
{
    public const string NotSetUp = "You are not set up to use this calling feature. Please contact your IT administrator.";
    public const string NoDialIn = "The organizer does not have access to dial-in information for this meeting.";

    public static async Task SignInAsync(IPage page, string displayName)
    {
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.List, new() { Name = "Demo users" }).GetByRole(AriaRole.Button, new() { Name = displayName }).ClickAsync();
        await Assertions.Expect(page.Locator("#signed-in-as")).ToHaveTextAsync($"Signed in as {displayName}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meetings", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>Schedules from the meetings page; returns the new meeting's id (the client opens its pre-join screen).</summary>
    public static async Task<string> ScheduleAsync(IPage page, string subject)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Meetings", Exact = true }).ClickAsync();
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = subject, Level = 1 })).ToBeVisibleAsync();
        return MeetingIdInUrl().Match(page.Url).Groups[1].Value;
    }

    public static ILocator Toasts(IPage page) => page.GetByRole(AriaRole.Status, new() { Name = "Notifications" });

    public static ILocator InviteCard(IPage page) => page.Locator("[data-testid=invite-card]");

    [GeneratedRegex("#/meetings/([^/?#]+)")]
    private static partial Regex MeetingIdInUrl();
}
