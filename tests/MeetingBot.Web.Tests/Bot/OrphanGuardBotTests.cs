using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Tenancy;
using MeetingBot.Testing;
using MeetingBot.Web.Hubs.Messages;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>Beyond Teams: the admin sets the orphaned-phone policy from chat, and the user hears when it hung their phone up.</summary>
public sealed class OrphanGuardBotTests
{
    [Fact]
    public async Task OrphanPolicyAsk_PhoneLeftUp_SilentFor60Seconds_UserIsToldInChatAndByPush()
    {
        await using var host = new BotTestHost();
        await host.Chat()
            .Say("act as nestor").ExpectText(contains: "Nestor")
            .Say("orphan policy ask").ExpectText(contains: "Orphaned phone policy: Ask")
            .Say("act as adele").ExpectText(contains: "Adele")
            .Say("schedule Weekly sync").ExpectCard("Weekly sync")
            .Say("call me at 405 555 0100 now").ExpectText(contains: "connected")
            .Say("leave").ExpectText(contains: "You left meeting 1 in the client, but your phone did not.")
            .Wait(TimeSpan.FromSeconds(59))
            .Wait(TimeSpan.FromSeconds(1))
            .ExpectText(equals: "📞 We hung up your phone +1 405-555-0100 in meeting 1: you left the meeting in the app, and nobody pressed 1 on the phone to stay. Minutes already used stay paid.");

        var leg = host.Engine.ListLegs(host.TenantId, "1").Single();
        Assert.Equal(CallLegState.Ended, leg.State);
        Assert.Equal(EngineMessages.StayOnThePhonePrompt, leg.Prompts[0].Text);
        var push = Assert.Single(host.Pushes, p => p.Method == "OrphanedLegEnded");
        Assert.True(push.IsFor(host.TenantId, "adele"));
        var message = Assert.IsType<OrphanedLegEndedMessage>(push.Message);
        Assert.Equal(("NoAnswerToStayPrompt", leg.Id), (message.Reason, message.LegId));
        Assert.StartsWith("We hung up your phone", message.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrphanPolicy_EndAfterMinutes_SetByTheAdmin_IsAuditedAndSaid()
    {
        await using var host = new BotTestHost();
        await host.Chat()
            .Say("act as nestor").ExpectText(contains: "Nestor")
            .Say("orphan policy end 5").ExpectText(contains: "is hung up after 5 minutes")
            .Say("orphan policy").ExpectText(contains: "Orphaned phone policy: End");

        Assert.Equal(new OrphanedLegPolicy(OrphanedLegAction.End, 5), host.Engine.GetOrphanedLegPolicy(host.TenantId));
        Assert.Contains(host.Engine.GetAuditLog(host.TenantId, "nestor").Value!, a => a.Action == "orphan.policy" && a.Target == "End 5");
    }

    [Theory]
    [InlineData("adele", "orphan policy ask", "Only a tenant admin can do that.")]
    [InlineData("nestor", "orphan policy end", "The orphaned phone policy is off, ask, or end with 1 to 1440 minutes")]
    [InlineData("nestor", "orphan policy sometimes", "The orphaned phone policy is off, ask, or end with 1 to 1440 minutes")]
    public async Task OrphanPolicy_NotAnAdminOrBadInput_IsRefusedAndUnchanged(string who, string command, string reply)
    {
        await using var host = new BotTestHost();
        await host.Chat()
            .Say("act as " + who).ExpectText(contains: "")
            .Say(command).ExpectText(contains: reply);

        Assert.Equal(OrphanedLegPolicy.Off, host.Engine.GetOrphanedLegPolicy(host.TenantId));
    }

    [Fact]
    public async Task Press1_AfterLeavingUnderAsk_KeepsThePhone_AndRemindersGoOn()
    {
        await using var host = new BotTestHost(options: new BotTestHostOptions { Engine = new() { AutoAnswerAfter = TimeSpan.Zero } });
        host.Engine.SetOrphanedLegPolicy(host.TenantId, "nestor", OrphanedLegAction.Ask, null);
        await host.Chat()
            .Say("schedule Weekly sync").ExpectCard("Weekly sync")
            .Say("call me at 405 555 0100 now").ExpectText(contains: "connected")
            .Say("leave").ExpectText(contains: "You left meeting 1 in the client")
            .Wait(TimeSpan.FromSeconds(30))
            .Say("press 1").ExpectText(equals: "🔊 " + EngineMessages.StayingOnThePhone)
            .Wait(TimeSpan.FromMinutes(3));

        Assert.Equal(CallLegState.Connected, host.Engine.ListLegs(host.TenantId, "1").Single().State);
        Assert.Empty(host.Events.All.OfType<OrphanedLegEnded>());
        Assert.True(host.Events.All.OfType<HangUpReminder>().Count() >= 3);
    }

    [Fact]
    public async Task PressStar6AndStar1_OnMyPhone_MutesInTheRosterAndSaysTheMinutesLeft()
    {
        await using var host = new BotTestHost();
        await host.Chat()
            .Say("schedule Weekly sync").ExpectCard("Weekly sync")
            .Say("call me at 405 555 0100 now").ExpectText(contains: "connected")
            .Say("press *6").ExpectText(equals: "🔊 " + EngineMessages.PhoneMuted)
            .Say("roster").ExpectCard("Weekly sync", card => Assert.Contains(Cards.Texts(card), t => t.Contains(Web.Bot.Cards.RosterCard.MutedMarker)))
            // The reply is what the phone played since the turn began: a person's next press comes at a later instant.
            .Wait(TimeSpan.FromSeconds(1))
            .Say("press *1").ExpectText(equals: "🔊 " + EngineMessages.MinutesLeftPrompt(120))
            .Say("press 12x").ExpectText(equals: EngineMessages.For(EngineError.InvalidKeys))
            .Say("hang up").ExpectText(contains: "")
            .Say("press 1").ExpectText(equals: EngineMessages.For(EngineError.NoPhoneLeg));
    }
}
