using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.E2E.Tests.Infrastructure;
using MeetingBot.Engine.Billing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static MeetingBot.E2E.Tests.Infrastructure.PageSteps;

namespace MeetingBot.E2E.Tests;

/// <summary>The money forecast on the admin credits page, after one 10-minute pooled call made through the engine.</summary>
public sealed class ForecastPageTests(WebClientFixture fixture) : IClassFixture<WebClientFixture>
{
    private const string Tenant = "contoso";

    private ITenants Tenants => fixture.Host.Services.GetRequiredService<ITenants>();

    [Fact]
    public async Task CreditsPage_AfterAPooledCall_ChartsMinutesUsedPerDayAgainstTheRateLine()
    {
        await AdminCenterTests.MakeTenMinuteCallAsync(fixture, "adele");
        var forecast = (await Tenants.Ask(Tenant, new GetMoneyForecast("nestor"))).Value!;

        var page = await fixture.Browser.NewPageAsync();
        await SignInAsync(page, "Nestor Wilke");
        await page.GotoAsync("/#/admin/credits");

        var chart = page.GetByTestId("forecast-chart");
        await Assertions.Expect(chart).ToBeVisibleAsync();
        var bars = chart.Locator("rect.fc-bar");
        await Assertions.Expect(bars).ToHaveCountAsync(forecast.PoolMinutesByDay.Count);
        await Assertions.Expect(bars.Last).ToHaveAttributeAsync("data-used", forecast.PoolMinutesUsed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("forecast-rate-line")).ToHaveCountAsync(1);
        // The demo clock is the real date: whether 10 minutes run the pool dry this month depends on the day of the month.
        await Assertions.Expect(page.GetByTestId("forecast-dry-mark")).ToHaveCountAsync(forecast.PoolOutlook == PoolOutlook.RunsDryThisMonth ? 1 : 0);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("null");
        await Assertions.Expect(page.GetByTestId("forecast-pool")).ToContainTextAsync($"{forecast.PoolMinutesUsed} of 120 pooled minutes used");
        await Assertions.Expect(page.GetByTestId("forecast-expiring").Locator("li")).ToHaveTextAsync(
            ["Next 30 days: nothing expires within 30 days", "Next 60 days: nothing expires within 60 days", "Next 90 days: nothing expires within 90 days"]);
        await BrowserSession.ScreenshotAsync(page, "admin-credits-forecast");
        fixture.Browser.AssertNoConsoleErrors();
    }
}
