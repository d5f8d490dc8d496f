using MeetingBot.E2E.Tests.Infrastructure;
using Microsoft.Playwright;
using static MeetingBot.E2E.Tests.Infrastructure.PageSteps;

namespace MeetingBot.E2E.Tests;

/// <summary>
/// The seed's story end to end in the browser: Call me, add a phone participant, run the tenant out of pooled
/// minutes (hard cut-off and the exact Teams error), buy credits as the admin, call again, and leave with the phone
/// still connected (the gotcha) — every push shown as it happens.
/// </summary>
public sealed class DialOutStoryTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    [Fact]
    public async Task DialOutStory_PoolRunsOutThenCreditsBought_CallsResumeAndLeavingWarnsAboutThePhone()
    {
        var browser = fixture.Browser;
        var adele = await browser.NewPageAsync();
        await SignInAsync(adele, "Adele Vance");
        var meetingId = await ScheduleAsync(adele, "Quarterly planning");

        // Call me: the typed 10-digit number shows as E.164 before dialing.
        await adele.GetByRole(AriaRole.Radio, new() { Name = "Phone audio" }).CheckAsync();
        await adele.GetByLabel("Phone number to call").FillAsync("405 555 0100");
        await Assertions.Expect(adele.Locator("[data-testid=callme-number-e164]")).ToHaveTextAsync("+14055550100");
        await BrowserSession.ScreenshotAsync(adele, "prejoin-call-me");
        await adele.GetByRole(AriaRole.Button, new() { Name = "Call me" }).ClickAsync();
        await Assertions.Expect(adele.Locator("[data-testid=my-audio]")).ToHaveTextAsync("Phone audio: +1 405-555-0100 (connected)");
        await Assertions.Expect(Toasts(adele)).ToContainTextAsync("Phone call to +1 405-555-0100 connected.");

        // Add participant by phone: that person is on the roster, marked as a phone participant.
        await adele.GetByLabel("Phone number to add").FillAsync("425-555-0111");
        await Assertions.Expect(adele.Locator("[data-testid=add-number-e164]")).ToHaveTextAsync("+14255550111");
        await adele.GetByRole(AriaRole.Button, new() { Name = "Call", Exact = true }).ClickAsync();
        var roster = adele.GetByRole(AriaRole.List, new() { Name = "Participants" });
        var added = roster.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "+1 425-555-0111" });
        await Assertions.Expect(added).ToContainTextAsync("📞");
        await Assertions.Expect(added).ToContainTextAsync("connected");
        await Assertions.Expect(Toasts(adele)).ToContainTextAsync("+1 425-555-0111 joined by phone.");
        await BrowserSession.ScreenshotAsync(adele, "meeting-window");

        // The admin watches the pool: its warnings go to tenant admins.
        var nestor = await browser.NewPageAsync();
        await SignInAsync(nestor, "Nestor Wilke");

        // Two legs draw on the tenant's 120 pooled minutes: an hour of demo time exhausts them.
        var fastForward = adele.GetByRole(AriaRole.Button, new() { Name = "Fast forward 30 min" });
        await fastForward.ClickAsync();
        await Assertions.Expect(Toasts(nestor)).ToContainTextAsync("Dial-out minute pool 50% used");
        // The second half hour: the pool runs dry while the added participant's minute is due, and that call is
        // cut off hard with the exact Teams words; the organizer's own leg falls at its next unpaid minute, moments
        // later inside the same jump (the jump is worked through minute by minute, each at its own instant).
        await fastForward.ClickAsync();
        var notSetUpToasts = Toasts(adele).GetByText(NotSetUp, new() { Exact = true });
        await Assertions.Expect(added).ToHaveCountAsync(0);
        await Assertions.Expect(adele.Locator("[data-testid=my-audio]")).ToHaveTextAsync("Phone audio: +1 405-555-0100 (cut off)");
        await Assertions.Expect(notSetUpToasts).ToHaveCountAsync(2);

        // Calling again is refused with the same words, inline and as a push.
        browser.ExpectFailedRequest($"/api/meetings/{meetingId}/callme", 403);
        await adele.GetByText("Switch to phone audio (Call me)").ClickAsync();
        await adele.GetByLabel("Phone number", new() { Exact = true }).FillAsync("4055550100");
        await adele.GetByRole(AriaRole.Button, new() { Name = "Call me" }).ClickAsync();
        // The refusal the call got (the number field's cost preview may already say the same words: that alert is not it).
        await Assertions.Expect(adele.Locator("[role=alert]:not([data-testid$='-refusal'])").GetByText(NotSetUp, new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(notSetUpToasts).ToHaveCountAsync(3);
        await BrowserSession.ScreenshotAsync(adele, "out-of-minutes");

        // The admin assigns Communications Credits to the organizer and adds funds.
        await Assertions.Expect(Toasts(nestor)).ToContainTextAsync("Dial-out minute pool 95% used");
        await nestor.GetByRole(AriaRole.Link, new() { Name = "Admin center" }).ClickAsync();
        await nestor.GetByLabel("License to assign to Adele Vance").SelectOptionAsync("CommunicationsCredits");
        await nestor.Locator("tr[data-user-id=adele]").GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(nestor.Locator("tr[data-user-id=adele]")).ToContainTextAsync("Communications Credits");
        await nestor.GetByRole(AriaRole.Link, new() { Name = "Communications Credits" }).ClickAsync();
        await Assertions.Expect(nestor.GetByTestId("credit-balance")).ToHaveTextAsync("$0.00");
        await nestor.GetByLabel("Amount (USD)", new() { Exact = true }).FillAsync("5");
        await nestor.GetByRole(AriaRole.Button, new() { Name = "Add funds" }).ClickAsync();
        await Assertions.Expect(nestor.GetByTestId("credit-balance")).ToHaveTextAsync("$5.00");
        await Assertions.Expect(Toasts(nestor)).ToContainTextAsync("Communications Credits balance is now $5.00");
        await BrowserSession.ScreenshotAsync(nestor, "admin-credits");

        // Now Call me works again, paid from credits.
        await adele.GetByRole(AriaRole.Button, new() { Name = "Call me" }).ClickAsync();
        await Assertions.Expect(adele.Locator("[data-testid=my-audio]")).ToHaveTextAsync("Phone audio: +1 405-555-0100 (connected)");

        // Leaving in the client does not hang up the phone: the banner says so until the call really ends.
        await adele.GetByRole(AriaRole.Button, new() { Name = "Leave" }).ClickAsync();
        var banner = adele.Locator("#phone-banner");
        await Assertions.Expect(banner).ToBeVisibleAsync();
        await Assertions.Expect(banner).ToContainTextAsync("Your phone is still connected");
        await Assertions.Expect(banner).ToContainTextAsync("hang up your phone too");
        await Assertions.Expect(adele.GetByRole(AriaRole.Heading, new() { Name = "Meetings", Level = 1 })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(adele, "phone-still-connected");

        // The banner survives a reload (the hub reports the orphaned leg) and its button ends the call.
        await adele.ReloadAsync();
        await Assertions.Expect(banner).ToContainTextAsync("Your phone is still connected");
        await banner.GetByRole(AriaRole.Button, new() { Name = "End phone call" }).ClickAsync();
        await Assertions.Expect(banner).ToBeHiddenAsync();
        await Assertions.Expect(Toasts(adele)).ToContainTextAsync("Phone call to +1 405-555-0100 ended.");
        browser.AssertNoConsoleErrors();
    }
}
