using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.E2E.Tests.Infrastructure;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static MeetingBot.E2E.Tests.Infrastructure.PageSteps;

namespace MeetingBot.E2E.Tests;

/// <summary>
/// Toll-fraud guardrails in the browser: the admin sets them (and the orphaned-phone policy) on Admin › Guardrails;
/// a call abroad in Lee's meeting waits for Lee, who approves it from the toast; Adele hears it was approved.
/// </summary>
public sealed class GuardrailsTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    private const string Tenant = "contoso";

    private ITenants Tenants => fixture.Host.Services.GetRequiredService<ITenants>();

    [Fact]
    public async Task GuardrailsPage_Admin_SetsTheApprovalRuleABudgetAndTheOrphanPolicy()
    {
        var page = await fixture.Browser.NewPageAsync();
        await SignInAsync(page, "Nestor Wilke");
        await page.GotoAsync("/#/admin/guardrails");

        var rules = page.GetByTestId("guardrails");
        await rules.GetByLabel("Destinations outside Zone A need approval").CheckAsync();
        await rules.GetByLabel("Also above this rate a minute (USD)").FillAsync("0.10");
        await rules.GetByRole(AriaRole.Button, new() { Name = "Save guardrails" }).ClickAsync();
        await Assertions.Expect(Toasts(page)).ToContainTextAsync("Guardrails saved.");

        var adele = page.GetByTestId("budgets").Locator("tr[data-user-id=adele]");
        await adele.GetByLabel("Minutes a month for Adele Vance").FillAsync("60");
        await adele.GetByLabel("Money a month for Adele Vance").FillAsync("5");
        await adele.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(adele).ToContainTextAsync("60 min and $5.00 a month");

        var orphan = page.GetByTestId("orphan-policy");
        await orphan.GetByLabel("Policy").SelectOptionAsync("End");
        await orphan.GetByLabel("End after (minutes)").FillAsync("7");
        await orphan.GetByRole(AriaRole.Button, new() { Name = "Save policy" }).ClickAsync();
        await Assertions.Expect(Toasts(page)).ToContainTextAsync("Orphaned phone policy: End after 7 min.");

        var guardrails = await Tenants.Ask(Tenant, new GetGuardrails());
        Assert.Equal((true, (decimal?)0.10m), (guardrails.ApprovalOutsideZoneA, guardrails.ApprovalAboveRatePerMinute));
        var budget = (await Tenants.Ask(Tenant, new GetBudgets("nestor"))).Value!.Single(b => b.UserId == "adele");
        Assert.Equal(((int?)60, (decimal?)5m, true), (budget.Budget.MinutesPerMonth, budget.Budget.MoneyPerMonth, budget.IsOverride));
        Assert.Equal(new OrphanedLegPolicy(OrphanedLegAction.End, 7), await Tenants.Ask(Tenant, new GetOrphanedLegPolicy()));
        await BrowserSession.ScreenshotAsync(page, "admin-guardrails");

        // Bad input gets the engine's words, and changes nothing.
        await adele.GetByLabel("Minutes a month for Adele Vance").FillAsync("-3");
        fixture.Browser.ExpectFailedRequest("/api/admin/users/adele/budget", 400);
        await adele.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(adele.Locator(".error")).ToContainTextAsync("A dial-out budget is whole minutes from 0 to 100,000");
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task CallAbroad_WaitsForTheOrganizer_WhoApprovesFromTheToast_AndTheCallIsPlaced()
    {
        await Tenants.Ask(Tenant, new AddFunds("nestor", 20m));
        await Tenants.Ask(Tenant, new SetGuardrails("nestor", null, null, true, null, 10));
        var lee = await fixture.Browser.NewPageAsync();
        await SignInAsync(lee, "Lee Gu");
        var meetingId = await ScheduleAsync(lee, "Abroad");

        var adele = await fixture.Browser.NewPageAsync();
        await SignInAsync(adele, "Adele Vance");
        await adele.GotoAsync($"/#/meetings/{meetingId}");
        await adele.GetByRole(AriaRole.Radio, new() { Name = "Phone audio" }).CheckAsync();
        await adele.GetByLabel("Phone number to call").FillAsync("+20 2 2792 1234");
        await Assertions.Expect(adele.GetByTestId("callme-number-approval")).ToHaveTextAsync("needs Lee Gu's approval first (outside Zone A): nothing is dialed until the organizer approves");
        await adele.GetByRole(AriaRole.Button, new() { Name = "Call me" }).ClickAsync();
        await Assertions.Expect(adele.GetByTestId("held")).ToContainTextAsync("Waiting for Lee Gu to approve the call to +20 2 27921234 (outside Zone A (Egypt))");
        await BrowserSession.ScreenshotAsync(adele, "approval-held");

        var request = Toasts(lee).Locator(".toast", new() { HasText = "Approve this call?" });
        await Assertions.Expect(request).ToContainTextAsync("Adele Vance wants to be called at +20 2 27921234 in meeting");
        await BrowserSession.ScreenshotAsync(lee, "approval-toast");
        await request.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(Toasts(lee)).ToContainTextAsync("Approved: calling +20 2 27921234 for Adele Vance.");
        await Assertions.Expect(request).ToHaveCountAsync(0);

        await Assertions.Expect(Toasts(adele)).ToContainTextAsync("Lee Gu approved the call to +20 2 27921234: dialing now.");
        // The organizer's page keeps its own confirmation and is not shown the requester's sentence.
        await Assertions.Expect(Toasts(lee)).Not.ToContainTextAsync("Lee Gu approved the call");
        await Assertions.Expect(Toasts(lee)).ToContainTextAsync("Approved: calling +20 2 27921234 for Adele Vance.");
        var leg = (await Tenants.Ask(Tenant, new ListLegs(meetingId))).Single();
        Assert.Equal(("adele", "+20227921234"), (leg.RequestedByUserId, leg.ToNumber));
        Assert.Equal(ApprovalStatus.Approved, (await Tenants.Ask(Tenant, new ListApprovals("lee"))).Value!.Single().Status);
        fixture.Browser.AssertNoConsoleErrors();
    }
}
