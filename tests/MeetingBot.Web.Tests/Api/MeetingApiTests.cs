using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Tests.Api;

public sealed class MeetingApiTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new(new Dictionary<string, string?> { ["MeetingBot:Api:DialOutsPerMinute"] = "3" });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task CreateMeeting_OrganizerWithAudioConferencing_InviteHasDialIn()
    {
        using var adele = await _app.ClientForAsync("adele");

        var response = await adele.PostAsJsonAsync("/api/meetings", new { subject = "Budget", durationMinutes = 45 });
        var meeting = await response.Content.ReadFromJsonAsync<MeetingView>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("+14056660187", meeting!.Invite.DialIn!.TollNumber);
        Assert.Matches("^[0-9]{9}$", meeting.Invite.DialIn.ConferenceId);
        Assert.Equal(MeetingBotAppFactory.Start.AddMinutes(45), meeting.End);
        Assert.True(meeting.IsOrganizer);
    }

    [Fact]
    public async Task CreateMeeting_OrganizerWithoutAudioConferencing_InviteHasJoinLinkOnly()
    {
        using var megan = await _app.ClientForAsync("megan");

        var meeting = await (await megan.PostAsJsonAsync("/api/meetings", new { subject = "Design" })).Content.ReadFromJsonAsync<MeetingView>();
        var mine = await megan.GetFromJsonAsync<List<MeetingSummaryView>>("/api/meetings");

        Assert.Null(meeting!.Invite.DialIn);
        Assert.Null(meeting.Invite.MeetingOptionsUrl);
        Assert.EndsWith($"/meet/{meeting.Id}", meeting.Invite.JoinUrl);
        Assert.Equal(meeting.Id, Assert.Single(mine!).Id);
    }

    [Fact]
    public async Task CreateMeeting_EmptySubject_Returns400WithEngineWords()
    {
        using var adele = await _app.ClientForAsync("adele");

        var response = await adele.PostAsJsonAsync("/api/meetings", new { subject = " " });

        await AssertError(response, HttpStatusCode.BadRequest, EngineError.InvalidSubject);
    }

    [Fact]
    public async Task PreviewNumber_TenDigitUs_ReturnsE164AndDisplay()
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);

        var preview = await (await adele.PostAsJsonAsync($"/api/meetings/{id}/phone/preview", new { number = "(405) 555-0100" })).Content.ReadFromJsonAsync<PhonePreviewView>();

        Assert.Equal(("+14055550100", "+1 405-555-0100", "US"), (preview!.E164, preview.Display, preview.RegionCode));
    }

    [Theory]
    [InlineData("/phone/preview")]
    [InlineData("/callme")]
    [InlineData("/participants/phone")]
    public async Task PhoneEndpoints_InvalidNumber_Return400WithClearMessage(string path)
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);
        (await adele.PostAsJsonAsync($"/api/meetings/{id}/join", new { audio = "computer" })).EnsureSuccessStatusCode();

        var response = await adele.PostAsJsonAsync($"/api/meetings/{id}{path}", new { number = "12ab" });

        await AssertError(response, HttpStatusCode.BadRequest, EngineError.InvalidPhoneNumber);
    }

    [Fact]
    public async Task Join_UnknownAudioMode_Returns400()
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);

        var response = await adele.PostAsJsonAsync($"/api/meetings/{id}/join", new { audio = "hologram" });
        var error = await response.Content.ReadFromJsonAsync<ApiError>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ApiErrors.InvalidRequest, error!.Error);
        Assert.Contains("computer", error.Detail);
    }

    [Fact]
    public async Task Get_UnknownMeeting_Returns404()
    {
        using var adele = await _app.ClientForAsync("adele");

        await AssertError(await adele.GetAsync("/api/meetings/424242"), HttpStatusCode.NotFound, EngineError.UnknownMeeting);
    }

    [Fact]
    public async Task CallMeThenLeave_PhoneStaysUp_LeaveWarnsAndHangUpEndsIt()
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);
        var leg = await (await adele.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = "4055550100" })).Content.ReadFromJsonAsync<CallLegView>();

        var left = await (await adele.PostAsync($"/api/meetings/{id}/leave", null)).Content.ReadFromJsonAsync<LeaveMeetingView>();
        var hungUp = await (await adele.PostAsync($"/api/calls/{leg!.Id}/hangup", null)).Content.ReadFromJsonAsync<CallLegView>();
        var again = await adele.PostAsync($"/api/calls/{leg.Id}/hangup", null);

        Assert.Equal(("CallMe", "Connected", "MCOMEETADD"), (leg.Kind, leg.State, leg.Funding));
        Assert.Equal(EngineMessages.HangUpBothEnds, left!.Message);
        Assert.Equal(leg.Id, Assert.Single(left.PhoneLegsStillConnected).Id);
        Assert.Equal("Ended", hungUp!.State);
        await AssertError(again, HttpStatusCode.Conflict, EngineError.CallLegEnded);
    }

    [Fact]
    public async Task HangUp_SomeoneElsesLeg_Returns403()
    {
        using var lee = await _app.ClientForAsync("lee");
        using var megan = await _app.ClientForAsync("megan");
        var id = await ScheduleAsync(lee);
        var leg = await (await lee.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = "4055550100" })).Content.ReadFromJsonAsync<CallLegView>();

        await AssertError(await megan.PostAsync($"/api/calls/{leg!.Id}/hangup", null), HttpStatusCode.Forbidden, EngineError.NotMeetingParticipant);
    }

    [Fact]
    public async Task EndAndLobby_NotOrganizer_Return403()
    {
        using var adele = await _app.ClientForAsync("adele");
        using var megan = await _app.ClientForAsync("megan");
        var id = await ScheduleAsync(adele);

        await AssertError(await megan.PostAsync($"/api/meetings/{id}/end", null), HttpStatusCode.Forbidden, EngineError.NotMeetingOrganizer);
        await AssertError(await megan.PutAsJsonAsync($"/api/meetings/{id}/lobby", new { bypass = "Everyone" }), HttpStatusCode.Forbidden, EngineError.NotMeetingOrganizer);
    }

    [Fact]
    public async Task SetLobbyThenEnd_Organizer_MeetingShowsBoth()
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);

        var lobby = await (await adele.PutAsJsonAsync($"/api/meetings/{id}/lobby", new { bypass = "OnlyOrganizer", dialInCallersBypass = true })).Content.ReadFromJsonAsync<MeetingView>();
        var ended = await (await adele.PostAsync($"/api/meetings/{id}/end", null)).Content.ReadFromJsonAsync<MeetingView>();
        var joinAfter = await adele.PostAsJsonAsync($"/api/meetings/{id}/join", new { audio = "none" });

        Assert.Equal(("OnlyOrganizer", true), (lobby!.LobbyBypass, lobby.DialInCallersBypass));
        Assert.True(ended!.Ended);
        await AssertError(joinAfter, HttpStatusCode.Conflict, EngineError.MeetingEnded);
    }

    [Fact]
    public async Task CallMe_OverPerUserLimit_Returns429WithClearMessage()
    {
        using var adele = await _app.ClientForAsync("adele");
        var id = await ScheduleAsync(adele);

        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.BadRequest, (await adele.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = "x" })).StatusCode);
        var limited = await adele.PostAsJsonAsync($"/api/meetings/{id}/participants/phone", new { number = "4055550100" });
        using var lee = await _app.ClientForAsync("lee");
        var otherUser = await lee.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = "4055550101" });

        await AssertError(limited, HttpStatusCode.TooManyRequests, EngineError.RateLimited);
        Assert.Equal(HttpStatusCode.OK, otherUser.StatusCode);
    }

    private static async Task<string> ScheduleAsync(HttpClient organizer)
    {
        var response = await organizer.PostAsJsonAsync("/api/meetings", new { subject = "Sync" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<MeetingView>())!.Id;
    }

    internal static async Task AssertError(HttpResponseMessage response, HttpStatusCode status, EngineError error)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<ApiError>();
        Assert.Equal(error.ToString(), body!.Error);
        Assert.Equal(EngineMessages.For(error), body.Detail);
    }
}
