using MeetingBot.Engine;
using MeetingBot.Engine.Meetings;
using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Schema;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// The lobby from chat and card buttons: a caller dialing in waits, the organizer admits them (by button or by
/// number), lobby settings let callers bypass it, a reset PIN starts the meeting by phone; and the audit log.
/// </summary>
public sealed class MeetingBotLobbyTests
{
    private const string Caller = "+1 405-555-0123";

    private static async Task<(BotHarness Harness, Meeting Meeting)> ScheduledAsync()
    {
        var h = BotHarness.Create();
        await h.Flow().Send("schedule Sync").AssertReply(_ => { }).StartTestAsync();
        return (h, h.Engine.ListMeetings(BotHarness.TenantId, "adele").Single());
    }

    private static Participant? Participant(BotHarness h, string meetingId, string name) =>
        h.Engine.GetMeeting(BotHarness.TenantId, meetingId).Unwrap().Participants.SingleOrDefault(p => p.DisplayName == name);

    [Fact]
    public async Task AdmitButton_CallerWaitingInLobby_OrganizerLetsThemInFromLobbyCard()
    {
        var (h, meeting) = await ScheduledAsync();
        JObjectHolder lobby = new();
        await h.Flow()
            .Send($"dial in {meeting.ConferenceId}#")
            .AssertReply(a => Assert.Contains($"Waiting in the lobby of meeting {meeting.Id}.", AllText(a)))
            .Send("roster")
            .AssertReply(a => Assert.Equal(CardActions.Lobby, (string?)SubmitTitled(Card(a), "Lobby (1 waiting)")["data"]!["action"]))
            .Send("lobby")
            .AssertReply(a =>
            {
                lobby.Card = Card(a);
                Assert.Equal("Waiting in the lobby (1)", (string?)ById(lobby.Card, "waitingCount")?["text"]);
            })
            .StartTestAsync();
        Assert.True(Participant(h, meeting.Id, Caller)!.InLobby);

        var admit = (Newtonsoft.Json.Linq.JObject)SubmitTitled(lobby.Card!, $"Admit {Caller}")["data"]!;
        await h.Flow()
            .Send(new Activity { Type = ActivityTypes.Message, Value = admit, ChannelData = new Newtonsoft.Json.Linq.JObject { ["postBack"] = true } })
            .AssertReply(a =>
            {
                Assert.Equal($"Admitted {Caller} to meeting {meeting.Id}.", a.AsMessageActivity().Text);
                Assert.DoesNotContain(Texts(Card(a)), t => t.Contains("in lobby", StringComparison.Ordinal));
            })
            .StartTestAsync();
        Assert.False(Participant(h, meeting.Id, Caller)!.InLobby);
    }

    [Theory]
    [InlineData("admit 405 555 0123")]
    [InlineData("admit +14055550123")]
    [InlineData("admit all")]
    [InlineData("Admit everyone from the lobby")]
    public async Task Admit_ByChat_CallerNamedByNumberOrAllAdmitted(string command)
    {
        var (h, meeting) = await ScheduledAsync();
        await h.Flow()
            .Send($"dial in {meeting.ConferenceId}#").AssertReply(_ => { })
            .Send(command)
            .AssertReply(a => Assert.Equal($"Admitted {Caller} to meeting {meeting.Id}.", a.AsMessageActivity().Text))
            .StartTestAsync();
        Assert.False(Participant(h, meeting.Id, Caller)!.InLobby);
    }

    [Fact]
    public async Task Admit_NobodyByThatName_SaysSoAndAdmitsNobody()
    {
        var (h, meeting) = await ScheduledAsync();
        await h.Flow()
            .Send($"dial in {meeting.ConferenceId}#").AssertReply(_ => { })
            .Send("admit 212 555 0199")
            .AssertReply(a => Assert.StartsWith($"Nobody called \"212 555 0199\" is waiting in the lobby of meeting {meeting.Id}.", a.AsMessageActivity().Text))
            .StartTestAsync();
        Assert.True(Participant(h, meeting.Id, Caller)!.InLobby);
    }

    [Fact]
    public async Task Lobby_NotTheOrganizer_RefusedWithEngineWords()
    {
        var (h, meeting) = await ScheduledAsync();
        await h.Flow()
            .Send($"dial in {meeting.ConferenceId}#").AssertReply(_ => { })
            .Send("act as lee").AssertReply(_ => { })
            .Send("lobby")
            .AssertReply(EngineMessages.For(EngineError.NotMeetingOrganizer))
            .Send(BotHarness.Submit(new { action = CardActions.Admit, meetingId = meeting.Id }))
            .AssertReply(EngineMessages.For(EngineError.NotMeetingOrganizer))
            .StartTestAsync();
        Assert.True(Participant(h, meeting.Id, Caller)!.InLobby);
    }

    [Fact]
    public async Task SaveLobbySettings_DialInCallersBypass_NextCallerJoinsDirectly()
    {
        var (h, meeting) = await ScheduledAsync();
        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.SetLobby, meetingId = meeting.Id, lobbyBypass = "Everyone", lobbyDialIn = "true" }))
            .AssertReply(a =>
            {
                Assert.Equal("Lobby settings saved: Everyone can bypass the lobby; people dialing in can.", a.AsMessageActivity().Text);
                Assert.Equal("true", (string?)ById(Card(a), "lobbyDialIn")?["value"]);
            })
            .Send($"dial in {meeting.ConferenceId}#")
            .AssertReply(a => Assert.Contains($"Joined meeting {meeting.Id} by phone.", AllText(a)))
            .StartTestAsync();
        Assert.Equal(new LobbySettings(LobbyBypass.Everyone, DialInCallersBypass: true), h.Engine.GetMeeting(BotHarness.TenantId, meeting.Id).Unwrap().Lobby);
    }

    [Fact]
    public async Task SaveLobbySettings_UnknownChoice_AsksToPickAndChangesNothing()
    {
        var (h, meeting) = await ScheduledAsync();
        await h.Flow()
            .Send(BotHarness.Submit(new { action = CardActions.SetLobby, meetingId = meeting.Id, lobbyBypass = "7", lobbyDialIn = "true" }))
            .AssertReply("Pick who can bypass the lobby on the lobby card.")
            .StartTestAsync();
        Assert.Equal(LobbySettings.Default, h.Engine.GetMeeting(BotHarness.TenantId, meeting.Id).Unwrap().Lobby);
    }

    [Fact]
    public async Task ResetPin_ThenDialInWithIt_StartsTheMeetingAsOrganizerWithoutLobby()
    {
        var (h, meeting) = await ScheduledAsync();
        string? pin = null;
        await h.Flow()
            .Send("reset pin")
            .AssertReply(a =>
            {
                pin = System.Text.RegularExpressions.Regex.Match(a.AsMessageActivity().Text, "PIN is (\\d+)\\.").Groups[1].Value;
                Assert.Equal(h.Engine.GetUser(BotHarness.TenantId, "adele").Unwrap().OrganizerPin, pin);
            })
            .StartTestAsync();
        await h.Flow()
            .Send($"dial in {meeting.ConferenceId}# pin {pin}#")
            .AssertReply(a => Assert.Contains($"Joined meeting {meeting.Id} by phone as the organizer.", AllText(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Audit_AsAdminAfterRefusedDialOut_ListsTheAttemptNewestFirst()
    {
        var (h, meeting) = await ScheduledAsync();
        // The organizer's dial-out permission governs her meeting.
        h.Engine.SetDialOutPermission(BotHarness.TenantId, "nestor", "adele", MeetingBot.Engine.Licensing.DialOutPermission.DontAllow).Unwrap();
        await h.Flow()
            .Send("act as alex").AssertReply(_ => { })
            .Send($"join {meeting.Id}").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now").AssertReply(EngineMessages.NotSetUpForCallingFeature)
            .Send("audit")
            .AssertReply(a => Assert.StartsWith(EngineMessages.For(EngineError.NotTenantAdmin), a.AsMessageActivity().Text))
            .Send("act as nestor").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.Audit }))
            .AssertReply(a =>
            {
                var newest = Records(Card(a), "audit-")[0];
                Assert.Equal(AuditCard.Facts, newest.Facts.Keys);
                Assert.Equal("alex", newest.Facts["Who"]);
                Assert.Equal(h.Engine.GetAuditLog(BotHarness.TenantId, "nestor").Unwrap()[0].Outcome, newest.Facts["Outcome"]);
            })
            .StartTestAsync();
    }

    private sealed class JObjectHolder
    {
        public Newtonsoft.Json.Linq.JObject? Card { get; set; }
    }
}
