using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.E2E.Tests.Infrastructure;
using MeetingBot.Engine;
using MeetingBot.Engine.Licensing;
using MeetingBot.Web.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static MeetingBot.E2E.Tests.Infrastructure.PageSteps;

namespace MeetingBot.E2E.Tests;

/// <summary>The admin center pages against a tenant with one 10-minute pooled call made through the engine.</summary>
public sealed class AdminCenterTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    private const string Tenant = "contoso";

    private ITenants Tenants => fixture.Host.Services.GetRequiredService<ITenants>();

    /// <summary>A pooled "Call me" of about ten minutes (the demo clock also runs in real time, so the engine's own
    /// reports are the expected values).</summary>
    internal static async Task<DateTimeOffset> MakeTenMinuteCallAsync(WebClientFixture fixture, string organizerId)
    {
        var tenants = fixture.Host.Services.GetRequiredService<ITenants>();
        var clock = fixture.Host.Services.GetRequiredService<DemoClock>();
        var start = clock.GetUtcNow();
        var meeting = (await tenants.Ask(Tenant, new ScheduleMeeting(organizerId, "Sales call", start, start.AddHours(1)))).Value!;
        var leg = (await tenants.Ask(Tenant, new CallMe(organizerId, meeting.Id, "+14055550100"))).Value!;
        clock.Advance(TimeSpan.FromMinutes(10));
        await tenants.TickAllAsync();
        Assert.True((await tenants.Ask(Tenant, new HangUp(organizerId, leg.Id))).IsSuccess);
        return start;
    }

    private async Task<IPage> OpenAdminAsync(string page)
    {
        var nestor = await fixture.Browser.NewPageAsync();
        await SignInAsync(nestor, "Nestor Wilke");
        await nestor.GotoAsync($"/#/admin/{page}");
        return nestor;
    }

    [Fact]
    public async Task UsersPage_DialOutPermissionSaved_EngineAndReloadedPageAgree()
    {
        var page = await OpenAdminAsync("users");
        var alex = page.Locator("tr[data-user-id=alex]");
        var select = page.GetByLabel("Dial-out permission for Alex Wilber");
        await Assertions.Expect(select).ToHaveValueAsync("DontAllow");

        await select.SelectOptionAsync(new SelectOptionValue { Label = "In the same country or region as the organizer" });
        await alex.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(Toasts(page)).ToContainTextAsync("Dial-out for Alex Wilber: In the same country or region as the organizer.");

        Assert.Equal(DialOutPermission.InSameCountryOrRegion, (await Tenants.Ask(Tenant, new GetUser("alex"))).Value!.DialOutPermission);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Dial-out permission for Alex Wilber")).ToHaveValueAsync("InSameCountryOrRegion");
        await Assertions.Expect(page.Locator("tr[data-user-id=adele]")).ToContainTextAsync("Audio Conferencing (monthly)");
        await BrowserSession.ScreenshotAsync(page, "admin-users");
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task UsersPage_TeamsIdentityMapped_ABadIdIsRefusedInWords_AndTheEngineKnowsMegan()
    {
        const string objectId = "6f2d0c4e-8a1b-4c3d-9e5f-0a1b2c3d4e5f";
        var page = await OpenAdminAsync("users");
        var megan = page.Locator("tr[data-user-id=megan]");
        var input = page.GetByLabel("Teams (Microsoft Entra) object id of Megan Bowen");
        fixture.Browser.ExpectFailedRequest("/api/admin/users/megan/directory", 400);

        await input.FillAsync("megan@contoso.example");
        await megan.GetByRole(AriaRole.Button, new() { Name = "Map" }).ClickAsync();
        await Assertions.Expect(megan).ToContainTextAsync("A Microsoft Entra object id is a GUID");
        Assert.Null((await Tenants.Ask(Tenant, new GetUser("megan"))).Value!.AadObjectId);

        await input.FillAsync(objectId.ToUpperInvariant());
        await megan.GetByRole(AriaRole.Button, new() { Name = "Map" }).ClickAsync();
        await Assertions.Expect(Toasts(page)).ToContainTextAsync("Megan Bowen's Teams chats now act as Megan Bowen.");

        Assert.Equal("megan", (await Tenants.Ask(Tenant, new FindUserByDirectoryId(objectId))).Value!.Id);
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByLabel("Teams (Microsoft Entra) object id of Megan Bowen")).ToHaveValueAsync(objectId);
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task PoolsReport_SixMonthsOfHistory_ChartsUsedAgainstAvailablePerMonth()
    {
        await MakeTenMinuteCallAsync(fixture, "adele");
        var pool = (await Tenants.Ask(Tenant, new GetMinutePoolsReport("nestor"))).Value!.Single(r => r.Capability == Capability.MCOMEETADD);
        Assert.InRange(pool.MinutesUsed, 10, 12);
        var page = await OpenAdminAsync("pools");

        var chart = page.Locator(".bar-chart");
        await Assertions.Expect(chart.Locator(".bar-group")).ToHaveCountAsync(6);
        await Assertions.Expect(chart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"^(\\w+ \\d{{4}}: 0 of 120 minutes used; ){{5}}\\w+ \\d{{4}}: {pool.MinutesUsed} of 120 minutes used$"));
        var current = page.GetByTestId("pools-table").Locator("tbody tr").Filter(new() { HasText = "MCOMEETADD" }).First;
        await Assertions.Expect(current.Locator("td.num")).ToHaveTextAsync(["120", $"{pool.MinutesUsed}", $"{120 - pool.MinutesUsed}"]);

        await page.GetByLabel("Period").SelectOptionAsync(new SelectOptionValue { Label = "Current month only" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Run report" }).ClickAsync();
        await Assertions.Expect(chart.Locator(".bar-group")).ToHaveCountAsync(1);
        await page.GetByLabel("Period").SelectOptionAsync(new SelectOptionValue { Label = "Last 6 months" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Run report" }).ClickAsync();
        await BrowserSession.ScreenshotAsync(page, "admin-minute-pools");
        fixture.Browser.AssertNoConsoleErrors();
    }

    [Fact]
    public async Task UsageReport_ChosenColumns_TableAndCsvDownloadShowOnlyThoseColumns()
    {
        var start = await MakeTenMinuteCallAsync(fixture, "lee");
        var record = (await Tenants.Ask(Tenant, new GetUsageReport("nestor", start.AddDays(-1), start.AddDays(1), "lee"))).Value!.Single();
        var page = await OpenAdminAsync("usage");
        await page.GetByLabel("User", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Lee Gu" });
        await page.GetByRole(AriaRole.Textbox, new() { Name = "From", Exact = true }).FillAsync(start.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.GetByLabel("To (inclusive)").FillAsync(start.AddDays(1).ToString("yyyy-MM-dd"));
        foreach (var column in new[] { "Username", "From", "Destination", "Currency", "Call ID", "Start time" })
            await page.GetByRole(AriaRole.Checkbox, new() { Name = column, Exact = true }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Run report" }).ClickAsync();

        var table = page.GetByTestId("usage-table");
        await Assertions.Expect(table.Locator("thead th")).ToHaveTextAsync(["Display name", "Call type", "To", "Duration (s)", "Charge", "Capability"]);
        await Assertions.Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(table.Locator("tbody tr td")).ToHaveTextAsync(["Lee Gu", "conf_out", "+14055550100", $"{record.DurationSeconds}", "$0.00", "MCOMEETADD"]);
        await BrowserSession.ScreenshotAsync(page, "admin-usage-report");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("usage-csv").ClickAsync());
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("UserDisplayName,CallType,ToNumber,DurationSeconds,Charge,Capability", lines[0]);
        Assert.Equal($"Lee Gu,conf_out,+14055550100,{record.DurationSeconds},0.00,MCOMEETADD", lines[1]);
        Assert.Equal(2, lines.Length);
        fixture.Browser.AssertNoConsoleErrors();
    }
}
