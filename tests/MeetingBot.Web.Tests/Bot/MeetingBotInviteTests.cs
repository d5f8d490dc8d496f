using MeetingBot.Engine;
using MeetingBot.Web.Bot.Cards;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

public sealed class MeetingBotInviteTests
{
    [Fact]
    public async Task Schedule_AsOrganizerWithAudioConferencing_InviteCarriesTollNumberConferenceIdAndLinks()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Weekly sync")
            .AssertReply(a =>
            {
                var card = Card(a);
                var meeting = h.Engine.ListMeetings(BotHarness.TenantId, "adele").Single();
                Assert.Contains("Weekly sync", a.AsMessageActivity().Text);
                Assert.Contains("+1 405-666-0187", (string?)ById(card, "tollNumber")?["text"]);
                Assert.Equal($"Phone Conference ID: {CardFormat.ConferenceId(meeting.ConferenceId!)}", (string?)ById(card, "conferenceId")?["text"]);
                Assert.Null(ById(card, "noDialInNote"));
                var links = card.Descendants().OfType<Newtonsoft.Json.Linq.JObject>()
                    .Where(o => (string?)o["type"] == "Action.OpenUrl").Select(o => (string?)o["title"]).ToList();
                Assert.Contains("Find a local number", links);
                Assert.Contains("Reset PIN", links);
                Assert.Contains("Meeting options", links);
                Assert.Equal(meeting.Id, (string?)SubmitTitled(card, "Join")["data"]!["meetingId"]);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Schedule_AsOrganizerWithoutAudioConferencing_InviteHasJoinLinkOnly()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as megan")
            .AssertReply(a => Assert.Contains("Megan Bowen", a.AsMessageActivity().Text))
            .Send("Schedule Budget review")
            .AssertReply(a =>
            {
                var card = Card(a);
                var meeting = h.Engine.ListMeetings(BotHarness.TenantId, "megan").Single();
                Assert.Null(meeting.ConferenceId);
                Assert.NotNull(ById(card, "joinLink"));
                Assert.Equal(InviteCard.NoDialInNote, (string?)ById(card, "noDialInNote")?["text"]);
                Assert.Null(ById(card, "tollNumber"));
                Assert.Null(ById(card, "conferenceId"));
                Assert.DoesNotContain(Texts(card), t => t.Contains("405-666-0187"));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Join_MeetingOfOrganizerWithoutAudioConferencing_PhoneAudioShowsNoDialInMessage()
    {
        var h = BotHarness.Create();
        var meeting = h.Engine.ScheduleMeeting(BotHarness.TenantId, "megan", "Budget", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        await h.Flow()
            .Send($"join {meeting.Id}")
            .AssertReply(a =>
            {
                var card = Card(a);
                Assert.Equal(EngineMessages.OrganizerHasNoDialIn, (string?)ById(card, "phoneAudioUnavailable")?["text"]);
                Assert.DoesNotContain(Submits(card), s => (string?)s["data"]!["action"] == CardActions.PhoneAudio);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Schedule_WithTime_StartsAtTheNextSuchTimeForHalfAnHour()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Standup at 9:15")
            .AssertReply(a => Assert.Contains("Standup", a.AsMessageActivity().Text))
            .StartTestAsync();
        var meeting = h.Engine.ListMeetings(BotHarness.TenantId, "adele").Single();
        // 15:00 UTC now, so 09:15 is tomorrow.
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 9, 15, 0, TimeSpan.Zero), meeting.Start);
        Assert.Equal(TimeSpan.FromMinutes(30), meeting.End - meeting.Start);
    }

    [Fact]
    public async Task Schedule_SubjectTooLong_ShowsEngineMessage()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule " + new string('x', 300))
            .AssertReply(EngineMessages.For(EngineError.InvalidSubject))
            .StartTestAsync();
        Assert.Empty(h.Engine.ListMeetings(BotHarness.TenantId, "adele"));
    }

    [Fact]
    public async Task WhoAmI_DefaultConversation_ActsAsAdeleWithAudioConferencing()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("Who am I?")
            .AssertReply(a =>
            {
                Assert.Contains("Adele Vance", a.AsMessageActivity().Text);
                Assert.Contains("MCOMEETADD", a.AsMessageActivity().Text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task ActAs_UnknownUser_ListsDemoUsersAndKeepsIdentity()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as zed")
            .AssertReply(a => Assert.Contains("nestor", a.AsMessageActivity().Text))
            .Send("whoami")
            .AssertReply(a => Assert.Contains("Adele Vance", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task ActAs_Megan_ProactiveMessagesForMeganComeToThisConversation()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as Megan")
            .AssertReply(a => Assert.Contains("Megan Bowen", a.AsMessageActivity().Text))
            .StartTestAsync();
        var reference = await h.References.GetAsync(BotHarness.TenantId, "megan");
        Assert.NotNull(reference);
        Assert.Equal(h.Adapter.Conversation.Conversation.Id, reference.Conversation.Id);
    }

    [Fact]
    public async Task Join_WithoutANumber_OneMeeting_OpensItsPreJoin_SeveralMeetings_AsksWhichWithTheList()
    {
        var h = BotHarness.Create();
        var only = h.Engine.ScheduleMeeting(BotHarness.TenantId, "adele", "Only", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();

        await h.Flow()
            .Send("join")
            .AssertReply(a => Assert.Equal(only.Id, (string?)SubmitTitled(Card(a), "Join now")["data"]!["meetingId"]))
            .StartTestAsync();

        var other = BotHarness.Create();
        other.Engine.ScheduleMeeting(BotHarness.TenantId, "adele", "One", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        other.Engine.ScheduleMeeting(BotHarness.TenantId, "adele", "Two", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        await other.Flow()
            .Send("join the meeting")
            .AssertReply(a =>
            {
                Assert.StartsWith("Which meeting?", a.AsMessageActivity().Text);
                Assert.Contains("One", Card(a).ToString());
                Assert.Contains("Two", Card(a).ToString());
            })
            .StartTestAsync();
    }
}
