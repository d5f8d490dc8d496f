using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;
using Microsoft.AspNetCore.Mvc.Testing;
using static MeetingBot.Web.Tests.Api.MeetingApiTests;

namespace MeetingBot.Web.Tests.Api;

/// <summary>Every link of the invite (join, find a local number, reset PIN, meeting options) and the lobby it leads to.</summary>
public sealed class InviteLinkTests : IAsyncLifetime
{
    private const string TollNumber = "+14056660187";
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/meet/42", "/#/meetings/42")]
    [InlineData("/dialin/contoso", "/#/dialin/contoso")]
    [InlineData("/pin/adele", "/#/pin?for=adele")]
    [InlineData("/meetings/42/options", "/#/meetings/42/options")]
    public async Task InviteLink_OpenedAnonymously_RedirectsToClientPage(string path, string expected)
    {
        using var browser = Browser();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/meet/a%20b")]
    [InlineData("/meet/%3Cscript%3E")]
    [InlineData("/dialin/contoso%22onload")]
    [InlineData("/meetings/..%2F..%2Fadmin/options")]
    public async Task InviteLink_IdWithUnsafeCharacters_Returns404NotARedirect(string path)
    {
        using var browser = Browser();

        var response = await browser.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task InviteLinks_OfARealInvite_EachLandsOnAPageWhoseApiAnswers()
    {
        using var adele = await _app.ClientForAsync("adele");
        var meeting = await ScheduleAsync(adele);
        var invite = meeting.Invite;
        using var browser = Browser();

        var join = await FollowAsync(browser, invite.JoinUrl);
        var local = await FollowAsync(browser, invite.DialIn!.FindLocalNumberUrl);
        var pin = await FollowAsync(browser, invite.DialIn.ResetPinUrl);
        var options = await FollowAsync(browser, invite.MeetingOptionsUrl!);

        Assert.Equal($"/#/meetings/{meeting.Id}", join);
        Assert.Equal("/#/dialin/contoso", local);
        Assert.Equal("/#/pin?for=adele", pin);
        Assert.Equal($"/#/meetings/{meeting.Id}/options", options);
        Assert.Equal(HttpStatusCode.OK, (await adele.GetAsync($"/api/meetings/{meeting.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/api/dialin/contoso")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await adele.GetAsync($"/api/meetings/{meeting.Id}/options")).StatusCode);
    }

    [Fact]
    public async Task DialInNumbers_Anonymous_ListsBridgeAndLocalNumbersFromTheTenant()
    {
        using var browser = Browser();

        var numbers = await browser.GetFromJsonAsync<DialInNumbersView>("/api/dialin/contoso");

        var bridge = (await _app.Tenants.Ask("contoso", new GetTenant())).Value!.Bridge;
        Assert.Equal((TollNumber, "+1 405-666-0187"), (numbers!.TollNumber, numbers.TollNumberDisplay));
        Assert.Equal(bridge.TollFreeNumber, numbers.TollFreeNumber);
        Assert.Equal(bridge.LocalNumbers.Count, numbers.LocalNumbers.Count);
        Assert.Contains(new LocalNumberView("GB", "London", "+442034438787", "+44 20 3443 8787"), numbers.LocalNumbers);
        Assert.Equal(numbers.LocalNumbers.OrderBy(n => n.Country, StringComparer.Ordinal).Select(n => n.Country), numbers.LocalNumbers.Select(n => n.Country));
    }

    [Fact]
    public async Task DialInNumbers_UnknownTenant_Returns404WithEngineWords()
    {
        using var browser = Browser();

        var response = await browser.GetAsync("/api/dialin/fabrikam");

        await AssertError(response, HttpStatusCode.NotFound, EngineError.UnknownTenant);
    }

    [Fact]
    public async Task ResetPin_SignedIn_ReturnsNewPinOnceAndUncached()
    {
        using var adele = await _app.ClientForAsync("adele");

        var response = await adele.PostAsync("/api/me/pin/reset", null);
        var pin = await response.Content.ReadFromJsonAsync<OrganizerPinView>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches("^[0-9]{5}$", pin!.Pin);
        Assert.Equal(pin.Pin, (await _app.Tenants.Ask("contoso", new GetUser("adele"))).Value!.OrganizerPin);
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task PinRoutes_Anonymous_Return401()
    {
        using var browser = Browser();

        var reset = await browser.PostAsync("/api/me/pin/reset", null);
        var set = await browser.PutAsJsonAsync("/api/me/pin", new { pin = "12345" });

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized), (reset.StatusCode, set.StatusCode));
    }

    [Theory]
    [InlineData("123")]
    [InlineData("1234567890123")]
    [InlineData("12a45")]
    [InlineData("")]
    public async Task SetPin_BadPin_Returns400WithEngineMessageAndKeepsOldPin(string bad)
    {
        using var adele = await _app.ClientForAsync("adele");
        var before = (await _app.Tenants.Ask("contoso", new GetUser("adele"))).Value!.OrganizerPin;

        var response = await adele.PutAsJsonAsync("/api/me/pin", new { pin = bad });

        await AssertError(response, HttpStatusCode.BadRequest, EngineError.InvalidPin);
        Assert.Equal(before, (await _app.Tenants.Ask("contoso", new GetUser("adele"))).Value!.OrganizerPin);
    }

    [Fact]
    public async Task SetPin_ThenDialInWithIt_CallerJoinsAsOrganizerPastTheLobby()
    {
        using var adele = await _app.ClientForAsync("adele");
        var meeting = await ScheduleAsync(adele);

        var set = await adele.PutAsJsonAsync("/api/me/pin", new { pin = "24680" });
        var session = await DialInAsync(adele, meeting, "24680#");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal("Admitted", session.Stage);
        Assert.Empty(await adele.GetFromJsonAsync<List<ParticipantView>>($"/api/meetings/{meeting.Id}/lobby") ?? []);
    }

    [Fact]
    public async Task Options_Organizer_ReturnsLobbySettingsAndChoices()
    {
        using var adele = await _app.ClientForAsync("adele");
        var meeting = await ScheduleAsync(adele);
        (await adele.PutAsJsonAsync($"/api/meetings/{meeting.Id}/lobby", new { bypass = "Everyone", dialInCallersBypass = true })).EnsureSuccessStatusCode();

        var options = await adele.GetFromJsonAsync<MeetingOptionsView>($"/api/meetings/{meeting.Id}/options");

        Assert.Equal(("Everyone", true, "Adele Vance"), (options!.LobbyBypass, options.DialInCallersBypass, options.OrganizerName));
        Assert.Equal(["Everyone", "PeopleInMyOrganization", "OnlyOrganizer"], options.LobbyBypassChoices);
    }

    [Fact]
    public async Task OptionsLobbyAndAdmit_NotOrganizer_Return403()
    {
        using var adele = await _app.ClientForAsync("adele");
        var meeting = await ScheduleAsync(adele);
        var caller = await DialInAsync(adele, meeting, "#");
        var waiting = Assert.Single(await adele.GetFromJsonAsync<List<ParticipantView>>($"/api/meetings/{meeting.Id}/lobby") ?? []);
        using var megan = await _app.ClientForAsync("megan");

        await AssertError(await megan.GetAsync($"/api/meetings/{meeting.Id}/options"), HttpStatusCode.Forbidden, EngineError.NotMeetingOrganizer);
        await AssertError(await megan.GetAsync($"/api/meetings/{meeting.Id}/lobby"), HttpStatusCode.Forbidden, EngineError.NotMeetingOrganizer);
        await AssertError(await megan.PostAsync($"/api/meetings/{meeting.Id}/lobby/{waiting.Id}/admit", null), HttpStatusCode.Forbidden, EngineError.NotMeetingOrganizer);
        Assert.Equal("InLobby", caller.Stage);
        Assert.Single(await adele.GetFromJsonAsync<List<ParticipantView>>($"/api/meetings/{meeting.Id}/lobby") ?? []);
    }

    [Fact]
    public async Task Options_UnknownMeeting_Returns404()
    {
        using var adele = await _app.ClientForAsync("adele");

        await AssertError(await adele.GetAsync("/api/meetings/999/options"), HttpStatusCode.NotFound, EngineError.UnknownMeeting);
        await AssertError(await adele.GetAsync("/api/meetings/999/lobby"), HttpStatusCode.NotFound, EngineError.UnknownMeeting);
    }

    [Fact]
    public async Task Admit_DialInCallerInLobby_JoinsMeetingAndLeavesLobby()
    {
        using var adele = await _app.ClientForAsync("adele");
        var meeting = await ScheduleAsync(adele);
        await DialInAsync(adele, meeting, "#");
        var waiting = Assert.Single(await adele.GetFromJsonAsync<List<ParticipantView>>($"/api/meetings/{meeting.Id}/lobby") ?? []);

        var response = await adele.PostAsync($"/api/meetings/{meeting.Id}/lobby/{waiting.Id}/admit", null);
        var admitted = await response.Content.ReadFromJsonAsync<ParticipantView>();
        var again = await adele.PostAsync($"/api/meetings/{meeting.Id}/lobby/{waiting.Id}/admit", null);
        var unknown = await adele.PostAsync($"/api/meetings/{meeting.Id}/lobby/nobody/admit", null);

        Assert.True(waiting.IsPhoneOnly);
        Assert.Equal("+1 206-555-0199", waiting.DisplayName);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(admitted!.InLobby);
        Assert.Empty(await adele.GetFromJsonAsync<List<ParticipantView>>($"/api/meetings/{meeting.Id}/lobby") ?? []);
        var view = await adele.GetFromJsonAsync<MeetingView>($"/api/meetings/{meeting.Id}");
        Assert.False(view!.Participants.Single(p => p.Id == waiting.Id).InLobby);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("NotInLobby", (await again.Content.ReadFromJsonAsync<ApiError>())!.Error);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task DialIn_OptionsLetCallersBypassLobby_CallerIsNotWaiting()
    {
        using var adele = await _app.ClientForAsync("adele");
        var meeting = await ScheduleAsync(adele);
        (await adele.PutAsJsonAsync($"/api/meetings/{meeting.Id}/lobby", new { bypass = "PeopleInMyOrganization", dialInCallersBypass = true })).EnsureSuccessStatusCode();

        var caller = await DialInAsync(adele, meeting, "#");

        Assert.Equal("Admitted", caller.Stage);
        Assert.Empty(await adele.GetFromJsonAsync<List<ParticipantView>>($"/api/meetings/{meeting.Id}/lobby") ?? []);
    }

    /// <summary>A client that behaves like a browser opening a link: no credentials, redirects not followed.</summary>
    private HttpClient Browser() => _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The invite's absolute link (on the public base URL) opened against the test host; returns the redirect target.</summary>
    private static async Task<string> FollowAsync(HttpClient browser, string link)
    {
        var response = await browser.GetAsync(new Uri(link).PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }

    private static async Task<MeetingView> ScheduleAsync(HttpClient organizer)
    {
        var response = await organizer.PostAsJsonAsync("/api/meetings", new { subject = "Quarterly review" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MeetingView>())!;
    }

    /// <summary>A caller at +1 206-555-0199 dials the toll number, keys the conference ID, then the PIN keys given.</summary>
    private static async Task<DialInSessionView> DialInAsync(HttpClient client, MeetingView meeting, string pinKeys)
    {
        var session = await (await client.PostAsJsonAsync("/api/sim/dialin", new { dialedNumber = TollNumber, callerNumber = "2065550199" })).Content.ReadFromJsonAsync<DialInSessionView>();
        (await client.PostAsJsonAsync($"/api/sim/dialin/{session!.Id}/digits", new { digits = meeting.Invite.DialIn!.ConferenceId + "#" })).EnsureSuccessStatusCode();
        return (await (await client.PostAsJsonAsync($"/api/sim/dialin/{session.Id}/digits", new { digits = pinKeys })).Content.ReadFromJsonAsync<DialInSessionView>())!;
    }
}
