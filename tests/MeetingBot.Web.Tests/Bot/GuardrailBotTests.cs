using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Testing;
using MeetingBot.Web.Hubs.Messages;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// Beyond Teams: toll-fraud guardrails from chat. The admin sets budgets and the approval rule; a call abroad in Lee's
/// meeting waits for Lee's Approve / Deny card; the requester hears the outcome in chat and by push.
/// </summary>
public sealed class GuardrailBotTests
{
    private const string Egypt = "+20 2 2792 1234";

    /// <summary>Lee's meeting 1 with credits bought and the Zone A rule on; the chat acts as Adele at the end.</summary>
    private static Conversation AbroadHeldForLee(BotTestHost host) => host.Chat()
        .Say("act as lee").ExpectText(contains: "Lee")
        .Say("schedule Abroad").ExpectCard("Abroad")
        .Say("act as nestor").ExpectText(contains: "Nestor")
        .Say("add funds 20").ExpectCard()
        .Say("approval zone a on").ExpectCard("Toll-fraud guardrails", card => Assert.Contains(Cards.Texts(card), t => t.Contains("Approval rule: Approval outside Zone A on")))
        .Say("act as adele").ExpectText(contains: "Adele")
        .Say($"call me at {Egypt}").ExpectCard("Call me", card =>
            Assert.Contains("needs Lee Gu's approval first (outside Zone A): nothing is dialed until the organizer approves", card.ToString(), StringComparison.Ordinal))
        .Say($"call me at {Egypt} now").ExpectText(equals: EngineMessages.For(EngineError.AwaitingOrganizerApproval))
        .ExpectCard("Approve this call?", card =>
        {
            Assert.Contains(Cards.Texts(card), t => t.StartsWith("Adele Vance wants to be called at", StringComparison.Ordinal) && t.Contains("outside Zone A (Egypt)"));
            Assert.Equal(["Approve", "Deny"], Cards.Submits(card).Select(s => (string)s["title"]!));
        });

    [Fact]
    public async Task CallAbroad_UnderTheZoneARule_WaitsForTheOrganizersApprove_ThenDials()
    {
        await using var host = new BotTestHost();
        await AbroadHeldForLee(host)
            .Say("act as lee").ExpectText(contains: "Lee")
            .Press("Approve").ExpectText(contains: "✅ Approved: calling")
            .ExpectText(contains: "🛡️ Lee Gu approved the call to")
            .ExpectText(contains: "is connected to meeting 1");

        var leg = host.Engine.ListLegs(host.TenantId, "1").Single();
        Assert.Equal(("adele", "+20227921234"), (leg.RequestedByUserId, leg.ToNumber));
        var asked = Assert.Single(host.Pushes, p => p.Method == "DialOutApprovalRequested");
        Assert.True(asked.IsFor(host.TenantId, "lee"));
        var decided = Assert.Single(host.Pushes, p => p.Method == "DialOutApprovalDecided");
        Assert.True(decided.IsFor(host.TenantId, "adele"));
        Assert.Equal(("Approved", leg.Id), (((DialOutApprovalDecidedMessage)decided.Message).Approval.Status, ((DialOutApprovalDecidedMessage)decided.Message).Approval.LegId));
    }

    [Fact]
    public async Task Deny_DialsNothing_AndTheRequesterIsTold()
    {
        await using var host = new BotTestHost();
        await AbroadHeldForLee(host)
            .Say("act as lee").ExpectText(contains: "Lee")
            .Press("Deny").ExpectText(contains: "🚫 Denied")
            .ExpectText(contains: "Lee Gu denied the call to")
            .Press("Approve").ExpectText(equals: EngineMessages.For(EngineError.ApprovalNotPending));

        Assert.Empty(host.Engine.ListLegs(host.TenantId, "1"));
    }

    [Fact]
    public async Task NobodyAnswers_ItExpires_AndBothAreTold()
    {
        await using var host = new BotTestHost();
        await AbroadHeldForLee(host)
            .Wait(TimeSpan.FromMinutes(10))
            .ExpectText(contains: "🛡️ Nobody approved the call to")
            .ExpectText(contains: "expired: nothing was dialed.")
            .Say("approvals").ExpectText(contains: GuardrailFlowWords.NoneWaiting);

        Assert.Equal(ApprovalStatus.Expired, host.Engine.ListApprovals(host.TenantId, "lee").Value!.Single().Status);
    }

    [Fact]
    public async Task Approvals_ListsTheOrganizersPendingCards()
    {
        await using var host = new BotTestHost();
        await AbroadHeldForLee(host)
            .Say("act as lee").ExpectText(contains: "Lee")
            .Say("approvals").ExpectCard("Approve this call?");
    }

    [Fact]
    public async Task Budget_SetByTheAdmin_RefusesTheUserOnceSpent()
    {
        await using var host = new BotTestHost();
        await host.Chat()
            .Say("act as nestor").ExpectText(contains: "Nestor")
            .Say("budget adele 2 none").ExpectCard("Toll-fraud guardrails", card => Assert.Contains(Cards.Texts(card), t => t.Contains("Adele Vance: 2 min and any money a month")))
            .Say("act as adele").ExpectText(contains: "Adele")
            .Say("schedule Weekly sync").ExpectCard("Weekly sync")
            .Say("call me at 405 555 0100 now").ExpectText(contains: "connected")
            .Wait(TimeSpan.FromMinutes(3))
            .ExpectText(contains: "is connected to meeting 1")
            .ExpectCard("your monthly dial-out budget is running out")
            .ExpectCard("will be cut off in about 1 minute")
            .ExpectText(contains: "was cut off after 2 minute(s): your monthly dial-out budget is used up.")
            .ExpectText(equals: EngineMessages.For(EngineError.DialOutBudgetSpent))
            .Say("call me at 405 555 0100 now").ExpectText(equals: EngineMessages.For(EngineError.DialOutBudgetSpent));

        Assert.Contains(host.Engine.GetAuditLog(host.TenantId, "nestor").Value!, a => a is { Action: "guardrails.budget", Target: "adele 2 min -", Outcome: "ok" });
    }

    [Theory]
    [InlineData("adele", "budget adele 5 5", "Only a tenant admin can do that.")]
    [InlineData("nestor", "budget adele -5 5", "A dial-out budget is whole minutes from 0 to 100,000")]
    [InlineData("nestor", "budget adele 5 1.005", "A dial-out budget is whole minutes from 0 to 100,000")]
    [InlineData("nestor", "budget nobody 5 5", "That user does not exist in this tenant.")]
    [InlineData("nestor", "approval rate lots", "Say `approval zone a on`")]
    [InlineData("nestor", "approval rate 500", "The approval rate is 0 to 100.00 a minute")]
    [InlineData("adele", "guardrails", "Only a tenant admin can do that.")]
    public async Task BadInputOrNotAnAdmin_IsRefusedAndNothingChanges(string who, string command, string reply)
    {
        await using var host = new BotTestHost();
        await host.Chat()
            .Say("act as " + who).ExpectText(contains: "")
            .Say(command).ExpectText(contains: reply);

        Assert.Equal(MeetingBot.Engine.Tenancy.TollFraudGuardrails.Off, host.Engine.GetGuardrails(host.TenantId));
        Assert.All(host.Engine.GetBudgets(host.TenantId, "nestor").Value!, b => Assert.False(b.IsOverride));
    }

    private static class GuardrailFlowWords
    {
        public const string NoneWaiting = Web.Bot.Flows.GuardrailFlow.NoneWaiting;
    }
}
