using MeetingBot.Engine;
using MeetingBot.Engine.Events;
using MeetingBot.Testing;
using MeetingBot.Web.Hubs.Messages;

namespace MeetingBot.Transcripts.Tests;

/// <summary>The test kit as a developer uses it: the fluent chat, its failures, the tenant builder, pushes and events.</summary>
public sealed class ConversationApiTests
{
    [Fact]
    public async Task Chat_ScheduleJoinCallMe_ReadsLikeTheConversation()
    {
        await using var host = new BotTestHost();
        await host.Chat()
            .Say("schedule Weekly sync").ExpectCard("Weekly sync")
            .Press("Join").ExpectCard("Choose your audio and video settings for")
            .Press("Call me", new { phoneNumber = "405 555 0100" }).ExpectCard("+14055550100")
            .Press("Call").ExpectText(contains: "connected")
            .ExpectText(equals: "📞 Your phone +1 405-555-0100 is connected to meeting 1.")
            .ExpectNothingMore();
        Assert.Equal("+14055550100", Assert.Single(host.Engine.ListLegs(host.TenantId, "1")).ToNumber);
    }

    [Fact]
    public async Task Updates_ARosterCardPostedWhileThePhoneRang_IsRedrawnWhenItAnswers()
    {
        await using var host = new BotTestHost(options: new BotTestHostOptions { Engine = new EngineOptions { AutoAnswerAfter = TimeSpan.FromSeconds(2) } });
        await host.Chat()
            .Say("schedule Ring").ExpectCard("Ring")
            .Say("call me at 405 555 0100 now").ExpectCard("ringing")
            .Wait(TimeSpan.FromSeconds(3)).ExpectText(contains: "is connected to meeting");

        var roster = host.Sent.First(a => Cards.AllText(a).Contains("ringing", StringComparison.Ordinal));
        var update = Assert.Single(host.Updates);
        Assert.Equal(roster.Id, update.Id);
        Assert.DoesNotContain("ringing", Cards.AllText(update), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Press_ButtonNotOnTheLatestCard_FailsNamingTheButtonsThere()
    {
        await using var host = new BotTestHost();
        var failure = await Assert.ThrowsAsync<DialogAssertionException>(async () => await host.Chat()
            .Say("schedule Sync").ExpectCard("Sync")
            .Press("Join now"));
        Assert.StartsWith("Press(\"Join now\"): the latest card has no button \"Join now\"; its buttons: \"Join\"", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectText_BotSaidSomethingElse_FailsWithWhatItSaid()
    {
        await using var host = new BotTestHost();
        var failure = await Assert.ThrowsAsync<DialogAssertionException>(async () => await host.Chat()
            .Say("call me at 405 555 0100").ExpectText(contains: "Calling you"));
        Assert.Contains("its text does not contain \"Calling you\"; the bot said: [message]", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExpectCard_NoMoreReplies_Fails()
    {
        await using var host = new BotTestHost();
        var failure = await Assert.ThrowsAsync<DialogAssertionException>(async () => await host.Chat()
            .Say("schedule Sync").ExpectCard("Sync").ExpectCard());
        Assert.Equal("ExpectCard(): the bot said nothing more.", failure.Message);
    }

    [Fact]
    public async Task TenantBuilder_OrganizerWithoutAudioConferencing_InviteHasNoDialIn()
    {
        var tenant = TenantBuilder.Empty("fabrikam")
            .WithSeats("Microsoft365BusinessPremium", 5)
            .WithUser("ann", "Ann Lee", "Microsoft365BusinessPremium")
            .Build();
        await using var host = new BotTestHost(tenant, new BotTestHostOptions { UserId = "ann" });
        await host.Chat()
            .Say("whoami").ExpectText(contains: "Ann Lee")
            .Say("schedule Plan").ExpectCard("Plan", card => Assert.Null(Cards.ById(card, "conferenceId")));
    }

    [Fact]
    public async Task Pushes_PoolRunsDry_TeamsErrorPushedToTheUserAndEventsRecorded()
    {
        await using var host = new BotTestHost();
        await host.Chat()
            .Say("schedule Long call").ExpectCard()
            .Say("call me at 405 555 0100 now").ExpectText(contains: "connected")
            .Say("fast forward 130").ExpectText(contains: "130 minute(s)");

        var push = Assert.Single(host.Pushes, p => p.Method == "CallingFeatureUnavailable");
        Assert.True(push.IsFor(host.TenantId, "adele"));
        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, Assert.IsType<CallingFeatureUnavailableMessage>(push.Message).Message);
        Assert.Single(host.Events.All.OfType<CallingFeatureUnavailable>());
        Assert.Contains(host.Sent, a => (a as Microsoft.Bot.Schema.IMessageActivity)?.Text == EngineMessages.NotSetUpForCallingFeature);
    }
}
