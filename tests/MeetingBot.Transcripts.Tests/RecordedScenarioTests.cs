using MeetingBot.Engine;
using MeetingBot.Testing;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Transcripts.Tests;

/// <summary>
/// The seed's flows, written with the test kit's conversation API, each recorded as the Emulator would record it
/// (Transcripts/*.transcript is these recordings, replayed by <see cref="TranscriptReplayTests"/>).
/// </summary>
public sealed class RecordedScenarioTests
{
    private const string Number = "405 555 0100";

    /// <summary>Adele schedules a meeting and has it call her phone at once.</summary>
    private static Conversation OnACall(Conversation chat, string subject) => chat
        .Say($"schedule {subject}").ExpectCard(subject)
        .Say($"call me at {Number} now").ExpectText(contains: "connected");

    [Fact]
    public async Task ScheduleWithDialIn_OrganizerWithAudioConferencing_InviteHasTollNumberAndConferenceId()
    {
        var recorded = await ScenarioRecorder.RecordAsync("schedule-with-dial-in", async (_, chat) => await chat
            .Open().ExpectCard("Adele Vance")
            .Say("schedule Weekly sync")
            .ExpectCard("Weekly sync", card =>
            {
                Assert.Equal("+1 405-666-0187,,", ((string?)Cards.ById(card, "tollNumber")?["text"])?[..17]);
                Assert.NotNull(Cards.ById(card, "conferenceId"));
            })
            .ExpectNothingMore());
        Assert.Equal(4, recorded.Count);
    }

    [Fact]
    public async Task ScheduleWithoutDialIn_OrganizerWithoutAudioConferencing_InviteHasJoinLinkOnly()
    {
        await ScenarioRecorder.RecordAsync("schedule-without-dial-in", async (_, chat) => await chat
            .Say("act as megan").ExpectText(contains: "Megan Bowen")
            .Say("schedule Team lunch")
            .ExpectCard("Team lunch", card =>
            {
                Assert.Null(Cards.ById(card, "tollNumber"));
                Assert.Null(Cards.ById(card, "conferenceId"));
            })
            .Press("Join").ExpectCard()
            .Say($"call me at {Number}").ExpectText(contains: "dial-in"));
    }

    [Fact]
    public async Task CallMe_FromThePreJoinCard_ConfirmsTheNumberThenDials()
    {
        await ScenarioRecorder.RecordAsync("call-me", async (_, chat) => await chat
            .Say("schedule Sync").ExpectCard("Sync")
            .Press("Join").ExpectCard()
            .Press("Call me", new { phoneNumber = Number }).ExpectCard("+14055550100")
            .Press("Call").ExpectText(equals: "📞 Calling you at +14055550100 (+1 405-555-0100): connected.")
            .ExpectText(contains: "is connected to meeting 1"));
    }

    [Fact]
    public async Task CutOff_PoolRunsDry_CallEndsAndTheNextDialOutGetsTeamsExactError()
    {
        await ScenarioRecorder.RecordAsync("cut-off", async (_, chat) => await OnACall(chat, "Long call")
            .Say("fast forward 100").ExpectText(contains: "Moved the demo clock forward 100 minute(s)")
            .Say("fast forward 30").ExpectText(contains: "Moved the demo clock forward 30 minute(s)")
            // Beyond Teams: warned before the cut-off, at 5 minutes and at 1 minute left.
            .ExpectText(contains: "will be cut off in about 5 minutes")
            .ExpectText(contains: "will be cut off in about 1 minute")
            .ExpectText(contains: "was cut off after 120 minute(s)")
            .ExpectText(equals: EngineMessages.NotSetUpForCallingFeature)
            .Say($"call me at {Number} now").ExpectText(equals: EngineMessages.NotSetUpForCallingFeature));
    }

    [Fact]
    public async Task Credits_AdminAddsFunds_BalanceShown()
    {
        await ScenarioRecorder.RecordAsync("credits", async (_, chat) => await chat
            .Say("act as nestor").ExpectText(contains: "Nestor Wilke")
            .Say("credits").ExpectCard("Balance")
            .Say("add funds 25").ExpectText(contains: "25.00")
            .Say("admin").ExpectCard(check: card => Assert.Equal("Balance: 25.00 USD", (string?)Cards.ById(card, "balance")?["text"])));
    }

    [Fact]
    public async Task Leave_PhoneStillConnected_RemindsToHangUpBothEnds()
    {
        await ScenarioRecorder.RecordAsync("leave-hang-up-reminder", async (host, chat) => await OnACall(chat, "Standup")
            .Say("leave").ExpectText(contains: EngineMessages.HangUpBothEnds)
            .Wait(TimeSpan.FromMinutes(2)).ExpectCard(EngineMessages.HangUpBothEnds).ExpectCard("2m 00s").ExpectNothingMore()
            .Press("Hang up my phone").ExpectText());
    }

    [Fact]
    public async Task DialInWithLobby_CallerWaits_OrganizerAdmits()
    {
        await ScenarioRecorder.RecordAsync("dial-in-lobby", async (host, chat) =>
        {
            await chat.Say("schedule Partner call").ExpectCard("Partner call");
            var conferenceId = host.Engine.ListMeetings(host.TenantId, "adele").Single().ConferenceId;
            await chat
                .Say($"dial in {conferenceId}# from +1 212 555 0100").ExpectText(contains: "Waiting in the lobby of meeting 1")
                .Say("lobby").ExpectCard("Waiting in the lobby (1)")
                .Press("Admit +1 212-555-0100").ExpectText(contains: "Admitted +1 212-555-0100");
        });
    }

    [Fact]
    public async Task Reports_AdminReadsUsageAndMinutePools()
    {
        await ScenarioRecorder.RecordAsync("admin-reports", async (_, chat) => await OnACall(chat, "Review")
            .Say("fast forward 5").ExpectText(contains: "Moved the demo clock")
            .Say("hang up").ExpectText()
            .Say("act as nestor").ExpectText(contains: "Nestor Wilke")
            .Say("pools").ExpectCard("MCOMEETADD")
            .Say("usage").ExpectCard("conf_out"));
    }
}
