using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Tests.Api;

public sealed class SignInApiTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SignIn_DemoUser_ReturnsClaimsAndTokenAndSetsCookie()
    {
        using var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

        var response = await browser.PostAsJsonAsync("/api/dev/signin", new { userId = "nestor" });
        var signedIn = await response.Content.ReadFromJsonAsync<SignedInUserView>();
        var me = await browser.GetFromJsonAsync<MeView>("/api/me");

        Assert.Equal(("nestor", "contoso", "Nestor Wilke", true), (signedIn!.UserId, signedIn.TenantId, signedIn.DisplayName, signedIn.IsTenantAdmin));
        Assert.False(string.IsNullOrEmpty(signedIn.AccessToken));
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("MeetingBot.Auth=", StringComparison.Ordinal) && c.Contains("httponly"));
        Assert.Equal("nestor", me!.UserId);
    }

    [Fact]
    public async Task Me_WithBearerToken_IdentifiesUserAndLicenses()
    {
        using var http = await _app.ClientForAsync("adele");

        var me = await http.GetFromJsonAsync<MeView>("/api/me");

        Assert.Equal("adele", me!.UserId);
        Assert.True(me.HasAudioConferencing);
        Assert.False(me.IsTenantAdmin);
        Assert.Equal("AnyDestination", me.DialOutPermission);
    }

    [Fact]
    public async Task Me_WithTamperedOrExpiredBearerToken_Returns401EveryTime()
    {
        var good = (await _app.SignInAsync("adele")).AccessToken;
        var tampered = good[..^4] + (good[^4] == 'A' ? "B" : "A") + good[^3..];
        var bearer = _app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(AuthSchemes.Bearer);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "adele"), new Claim(MeetingBotClaims.TenantId, "contoso")], AuthSchemes.Bearer));
        var expired = bearer.BearerTokenProtector.Protect(new AuthenticationTicket(principal,
            new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(-1) }, AuthSchemes.Bearer));

        var statuses = new List<HttpStatusCode>();
        foreach (var token in new[] { good, tampered, expired, tampered, expired, good })
        {
            using var http = _app.CreateClient();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            statuses.Add((await http.GetAsync("/api/me")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK], statuses);
    }

    [Fact]
    public async Task Me_AfterSignOut_Returns401()
    {
        using var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        (await browser.PostAsJsonAsync("/api/dev/signin", new { userId = "adele" })).EnsureSuccessStatusCode();

        var signOut = await browser.PostAsync("/api/dev/signout", null);
        var me = await browser.GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsThatSessionsCookieAndBearerToken_CopiesToo_AndOnlyThatSession()
    {
        using var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var signIn = await browser.PostAsJsonAsync("/api/dev/signin", new { userId = "adele" });
        var token = (await signIn.Content.ReadFromJsonAsync<SignedInUserView>())!.AccessToken;
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MeetingBot.Auth=", StringComparison.Ordinal)).Split(';')[0];
        var otherSession = (await _app.SignInAsync("adele")).AccessToken;
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], [await MeWithCookieAsync(cookie), await MeWithTokenAsync(token)]);

        Assert.Equal(HttpStatusCode.NoContent, (await browser.PostAsync("/api/dev/signout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithCookieAsync(cookie)); // a copied cookie
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithTokenAsync(token));   // the token that sign-in gave
        Assert.Equal(HttpStatusCode.OK, await MeWithTokenAsync(otherSession));     // her other sign-in goes on
    }

    [Fact]
    public async Task SignOut_WithABearerToken_EndsIt_AndATicketWithoutASessionIsRefused()
    {
        var token = (await _app.SignInAsync("nestor")).AccessToken;
        using var script = _app.CreateClient();
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var bearer = _app.Services.GetRequiredService<IOptionsMonitor<BearerTokenOptions>>().Get(AuthSchemes.Bearer);
        var noSession = bearer.BearerTokenProtector.Protect(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(MeetingBotClaims.UserId, "nestor"), new Claim(MeetingBotClaims.TenantId, "contoso"), new Claim(MeetingBotClaims.IsTenantAdmin, "true")], AuthSchemes.Bearer)),
            new AuthenticationProperties { ExpiresUtc = DateTimeOffset.UtcNow.AddHours(1) }, AuthSchemes.Bearer));

        Assert.Equal(HttpStatusCode.NoContent, (await script.PostAsync("/api/dev/signout", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await script.GetAsync("/api/admin/credits")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await MeWithTokenAsync(noSession));
    }

    private async Task<HttpStatusCode> MeWithCookieAsync(string cookie)
    {
        using var http = _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me");
        request.Headers.Add("Cookie", cookie);
        return (await http.SendAsync(request)).StatusCode;
    }

    private async Task<HttpStatusCode> MeWithTokenAsync(string token)
    {
        using var http = _app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.GetAsync("/api/me")).StatusCode;
    }

    [Fact]
    public async Task SignIn_UnknownUser_Returns404WithEngineWords()
    {
        using var http = _app.CreateClient();

        var response = await http.PostAsJsonAsync("/api/dev/signin", new { userId = "mallory" });
        var error = await response.Content.ReadFromJsonAsync<ApiError>();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(("UnknownUser", "That user does not exist in this tenant."), (error!.Error, error.Detail));
    }

    [Fact]
    public async Task Meetings_WithoutSignIn_Returns401NotRedirect()
    {
        using var http = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await http.GetAsync("/api/meetings");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task DemoUsers_ListsPickerEntriesWithAudioConferencingFlag()
    {
        using var http = _app.CreateClient();

        var users = await http.GetFromJsonAsync<List<DemoUserView>>("/api/dev/users");

        Assert.Equal(5, users!.Count);
        Assert.True(users.Single(u => u.Id == "adele").HasAudioConferencing);
        Assert.False(users.Single(u => u.Id == "megan").HasAudioConferencing);
        Assert.True(users.Single(u => u.Id == "nestor").IsTenantAdmin);
    }

    [Fact]
    public async Task SignIn_LocalDevModeOff_Returns404()
    {
        await using var production = new MeetingBotAppFactory(MeetingBotAppFactory.ProductionLike);
        using var http = production.CreateClient();

        var signIn = await http.PostAsJsonAsync("/api/dev/signin", new { userId = "adele" });
        var users = await http.GetAsync("/api/dev/users");

        Assert.Equal(HttpStatusCode.NotFound, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, users.StatusCode);
    }

    [Fact]
    public async Task AccessTokenQuery_AcceptedOnHubOnly()
    {
        var token = Uri.EscapeDataString((await _app.SignInAsync("adele")).AccessToken);
        using var http = _app.CreateClient();

        // Browsers cannot send headers on WebSocket requests, so SignalR puts the token in the query; elsewhere it must not count.
        var negotiate = await http.PostAsync($"/hubs/meeting/negotiate?negotiateVersion=1&access_token={token}", null);
        var me = await http.GetAsync($"/api/me?access_token={token}");

        Assert.Equal(HttpStatusCode.OK, negotiate.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }
}
