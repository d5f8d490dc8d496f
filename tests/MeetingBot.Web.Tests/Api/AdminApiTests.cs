using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Tests.Api;

public sealed class AdminApiTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/admin/users")]
    [InlineData("POST", "/api/admin/users/megan/licenses")]
    [InlineData("DELETE", "/api/admin/users/adele/licenses/AudioConferencingMonthly")]
    [InlineData("PUT", "/api/admin/users/alex/dialout")]
    [InlineData("PUT", "/api/admin/users/adele/directory")]
    [InlineData("GET", "/api/admin/subscriptions")]
    [InlineData("GET", "/api/admin/credits")]
    [InlineData("POST", "/api/admin/credits/funds")]
    [InlineData("PUT", "/api/admin/credits/autorecharge")]
    [InlineData("GET", "/api/admin/forecast")]
    [InlineData("GET", "/api/admin/reports/pools")]
    [InlineData("GET", "/api/admin/reports/usage")]
    [InlineData("GET", "/api/admin/reports/usage.csv")]
    [InlineData("GET", "/api/admin/cluster")]
    public async Task AdminRoute_NonAdmin_Returns403(string method, string path)
    {
        using var adele = await _app.ClientForAsync("adele");

        var response = await adele.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(2, (await _app.Tenants.Ask("contoso", new GetUser("adele"))).Value!.Licenses.Count);
    }

    [Fact]
    public async Task SetDirectoryId_Admin_MapsOnce_RefusesBadAndTakenIdsInWords()
    {
        using var nestor = await _app.ClientForAsync("nestor");
        const string id = "6f2d0c4e-8a1b-4c3d-9e5f-0a1b2c3d4e5f";

        var bad = await nestor.PutAsJsonAsync("/api/admin/users/megan/directory", new { aadObjectId = "megan@contoso.example" });
        var mapped = await nestor.PutAsJsonAsync("/api/admin/users/megan/directory", new { aadObjectId = id.ToUpperInvariant() });
        var taken = await nestor.PutAsJsonAsync("/api/admin/users/lee/directory", new { aadObjectId = id });
        var missing = await nestor.PutAsJsonAsync("/api/admin/users/nobody/directory", new { aadObjectId = id });

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("InvalidDirectoryId", (await bad.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Equal(HttpStatusCode.OK, mapped.StatusCode);
        Assert.Equal(id, (await mapped.Content.ReadFromJsonAsync<AdminUserView>())!.AadObjectId);
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Equal(EngineMessages.For(EngineError.DirectoryIdInUse), (await taken.Content.ReadFromJsonAsync<ApiError>())!.Detail);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null((await _app.Tenants.Ask("contoso", new GetUser("lee"))).Value!.AadObjectId);
        Assert.Equal(id, (await nestor.GetFromJsonAsync<List<AdminUserView>>("/api/admin/users"))!.Single(u => u.Id == "megan").AadObjectId);
    }

    [Fact]
    public async Task Users_Admin_ListsLicensesPermissionAndCapabilities()
    {
        using var nestor = await _app.ClientForAsync("nestor");

        var users = (await nestor.GetFromJsonAsync<List<AdminUserView>>("/api/admin/users"))!;

        var lee = users.Single(u => u.Id == "lee");
        Assert.Contains("CommunicationsCredits", lee.Licenses);
        Assert.Equal(["TeamsBase", "MCOMEETADD", "MCOPSTNPP"], lee.Capabilities);
        Assert.Equal("DontAllow", users.Single(u => u.Id == "alex").DialOutPermission);
    }

    [Fact]
    public async Task AssignAndUnassign_ByShortName_ChangesLicensesAndSeats()
    {
        using var nestor = await _app.ClientForAsync("nestor");

        var assigned = await (await nestor.PostAsJsonAsync("/api/admin/users/megan/licenses", new { sku = "MCOMEETADD" })).Content.ReadFromJsonAsync<AdminUserView>();
        var full = await nestor.PostAsJsonAsync("/api/admin/users/alex/licenses", new { sku = "AudioConferencingMonthly" });
        var subs = await nestor.GetFromJsonAsync<List<SubscriptionView>>("/api/admin/subscriptions");
        var removed = await (await nestor.DeleteAsync("/api/admin/users/megan/licenses/AudioConferencingMonthly")).Content.ReadFromJsonAsync<AdminUserView>();

        Assert.Contains("AudioConferencingMonthly", assigned!.Licenses);
        await MeetingApiTests.AssertError(full, HttpStatusCode.Conflict, EngineError.NoSeatsLeft);
        Assert.Equal((3, 3), subs!.Where(s => s.Sku == "AudioConferencingMonthly").Select(s => (s.Purchased, s.Assigned)).Single());
        Assert.DoesNotContain("AudioConferencingMonthly", removed!.Licenses);
        // The dates past months' minute pools are computed from: assigned, then unassigned, and still listed.
        var span = Assert.Single(removed.LicenseHistory, h => h.Sku == "AudioConferencingMonthly");
        Assert.NotNull(span.AssignedAt);
        Assert.True(span.UnassignedAt >= span.AssignedAt);
        Assert.Contains(assigned.LicenseHistory, h => h.Sku == "AudioConferencingMonthly" && h.UnassignedAt is null);
    }

    [Fact]
    public async Task AssignLicense_UnknownSku_Returns400()
    {
        using var nestor = await _app.ClientForAsync("nestor");

        var response = await nestor.PostAsJsonAsync("/api/admin/users/megan/licenses", new { sku = "GoldPlan" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiErrors.InvalidRequest, (await response.Content.ReadFromJsonAsync<ApiError>())!.Error);
    }

    [Theory]
    [InlineData("InSameCountryOrRegion", HttpStatusCode.OK)]
    [InlineData("dontallow", HttpStatusCode.OK)]
    [InlineData("7", HttpStatusCode.BadRequest)]
    [InlineData("Sometimes", HttpStatusCode.BadRequest)]
    public async Task SetDialOut_Value_AcceptsOnlyTheThreeNames(string permission, HttpStatusCode expected)
    {
        using var nestor = await _app.ClientForAsync("nestor");

        var response = await nestor.PutAsJsonAsync("/api/admin/users/adele/dialout", new { permission });

        Assert.Equal(expected, response.StatusCode);
        var stored = (await _app.Tenants.Ask("contoso", new GetUser("adele"))).Value!.DialOutPermission.ToString();
        Assert.Equal(expected == HttpStatusCode.OK ? permission : "AnyDestination", stored, ignoreCase: true);
    }

    [Theory]
    [InlineData(-5)]
    [InlineData(0)]
    [InlineData(10000.01)]
    [InlineData(1.234)]
    public async Task AddFunds_InvalidAmount_Returns400WithClearMessage(decimal amount)
    {
        using var nestor = await _app.ClientForAsync("nestor");

        var response = await nestor.PostAsJsonAsync("/api/admin/credits/funds", new { amount });

        await MeetingApiTests.AssertError(response, HttpStatusCode.BadRequest, EngineError.InvalidAmount);
        Assert.Equal(0m, (await _app.Tenants.Ask("contoso", new GetCreditBalance())).Value);
    }

    [Fact]
    public async Task CreditsAfterFundsAndAutoRecharge_ShowsBalancePurchaseAndSettings()
    {
        using var nestor = await _app.ClientForAsync("nestor");

        var balance = await (await nestor.PostAsJsonAsync("/api/admin/credits/funds", new { amount = 20.50m })).Content.ReadFromJsonAsync<BalanceView>();
        (await nestor.PutAsJsonAsync("/api/admin/credits/autorecharge", new { enabled = true, threshold = 5m, amount = 25m })).EnsureSuccessStatusCode();
        var badRecharge = await nestor.PutAsJsonAsync("/api/admin/credits/autorecharge", new { enabled = true, threshold = -1m, amount = 25m });
        var credits = await nestor.GetFromJsonAsync<CreditsView>("/api/admin/credits");

        Assert.Equal(new BalanceView(20.50m, "USD"), balance);
        Assert.Equal(20.50m, credits!.Balance);
        var purchase = Assert.Single(credits.Purchases);
        Assert.Equal(MeetingBotAppFactory.Start.AddMonths(12), purchase.ExpiresAt);
        Assert.Equal(new AutoRechargeView(true, 5m, 25m), credits.AutoRecharge);
        Assert.Equal("Purchase", Assert.Single(credits.Ledger).Kind);
        await MeetingApiTests.AssertError(badRecharge, HttpStatusCode.BadRequest, EngineError.InvalidAmount);
    }

    [Theory]
    [InlineData("{\"amount\": ")]
    [InlineData("{\"amount\": \"lots\"}")]
    [InlineData("")]
    public async Task AddFunds_MalformedBody_Returns400Not500(string json)
    {
        using var nestor = await _app.ClientForAsync("nestor");

        var response = await nestor.PostAsync("/api/admin/credits/funds", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0m, (await _app.Tenants.Ask("contoso", new GetCreditBalance())).Value);
    }
}
