using System.Net;
using System.Net.Http.Json;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Tests.Api;

/// <summary>GET /api/admin/forecast on the demo tenant (120 pooled minutes), the clock at 2025-03-03 09:00 UTC.</summary>
public sealed class ForecastApiTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Forecast_NonAdmin_Gets403ProblemDetails()
    {
        using var adele = await _app.ClientForAsync("adele");

        var response = await adele.GetAsync("/api/admin/forecast");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(ApiError.ContentType, response.Content.Headers.ContentType!.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ApiError>())!;
        Assert.Equal((403, ApiError.TypePrefix + "Forbidden"), (problem.Status, problem.Type));
    }

    [Fact]
    public async Task Forecast_Admin_AfterAPooledCallAndFunds_ShowsRatesDaysAndWords()
    {
        await ReportApiTests.MakeCallAsync(_app, TimeSpan.FromSeconds(150)); // 3 pooled minutes on 3 March
        using var nestor = await _app.ClientForAsync("nestor");
        (await nestor.PostAsJsonAsync("/api/admin/credits/funds", new { amount = 10.00m })).EnsureSuccessStatusCode();
        _app.Advance(TimeSpan.FromHours(15)); // 4 March 00:02:30: three days into the month

        var f = (await nestor.GetFromJsonAsync<ForecastView>("/api/admin/forecast"))!;

        Assert.Equal(("2025-03", "USD", 10.00m), (f.Month, f.Currency, f.CreditBalance));
        Assert.Equal([30, 60, 90], f.Expiring.Select(w => w.Days));
        Assert.All(f.Expiring, w => Assert.Equal(0m, w.AmountLeft));
        Assert.Equal(("NoSpendingThisMonth", (string?)null, 0m), (f.Credits.Outlook, f.Credits.RunsOutOn, f.Credits.BurnPerDay));
        Assert.Equal((120, 3, 117), (f.Pool.Minutes, f.Pool.MinutesUsed, f.Pool.MinutesLeft));
        Assert.Equal([0, 0, 3, 0], f.Pool.MinutesUsedByDay);
        Assert.Equal(("LastsThisMonth", (string?)null, "2025-03-31"), (f.Pool.Outlook, f.Pool.RunsDryOn, f.Pool.MonthEnd));
        Assert.Contains("the pool lasts this month", f.Pool.Summary);
        Assert.Contains("Ignores auto-recharge", f.Credits.Summary);
    }

}
