using MeetingBot.Cluster;
using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Web.Bot.Cards;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>The seed's story: the pooled minutes run out, the call is cut off, credits keep calls going.</summary>
public sealed class MeetingBotMinutesTests
{
    private const int PoolMinutes = 120; // 2 assigned monthly Audio Conferencing licenses × 60.

    [Fact]
    public async Task CallMe_AfterPoolExhausted_ShowsExactMessageThenCreditsLetCallsThroughAndUsageShowsMcopstnpp()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Long call").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now").AssertReply(_ => { })
            .StartTestAsync();
        var first = h.Engine.ListLegs(BotHarness.TenantId, "1").Single();

        for (var i = 0; i < 130 && first.IsLive; i++) h.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(CallLegState.CutOff, first.State);
        Assert.Equal(PoolMinutes, first.MinutesPaid);
        Assert.Contains(h.Events.All, e => e is MeetingBot.Engine.Events.CallingFeatureUnavailable { UserId: "adele", Message: EngineMessages.NotSetUpForCallingFeature });

        await h.Flow()
            .Send("call me at 405 555 0100 now")
            .AssertReply(EngineMessages.NotSetUpForCallingFeature)
            .Send("act as nestor").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.AssignLicense, licUser = "adele", licSku = nameof(LicenseSku.CommunicationsCredits) }))
            .AssertReply(a => Assert.Contains("Assigned Communications Credits to Adele Vance", a.AsMessageActivity().Text))
            .Send(BotHarness.Submit(new { action = CardActions.AddFunds, fundsAmount = "25" }))
            .AssertReply(a => Assert.Equal("Balance: 25.00 USD", (string?)ById(Card(a), "balance")?["text"]))
            .Send("act as adele").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now")
            .AssertReply(a => Assert.Contains("connected", a.AsMessageActivity().Text))
            .StartTestAsync();

        h.Advance(TimeSpan.FromSeconds(150));
        await h.Flow()
            .Send("hang up")
            .AssertReply(a => Assert.Contains("3 paid minute(s), 0.05 charged to credits", a.AsMessageActivity().Text)) // shown in cents, as Teams shows money
            .Send("act as nestor").AssertReply(_ => { })
            .Send("usage")
            .AssertReply(a =>
            {
                var records = Records(Card(a), "usage-");
                Assert.All(records, r => Assert.Equal(UsageReportCard.Facts, r.Facts.Keys));
                var paid = Assert.Single(records, r => r.Facts["Capability"] == "MCOPSTNPP");
                Assert.Equal("Adele Vance", paid.Heading);
                Assert.Equal(["conf_out", "+1 405-666-0187", "+1 405-555-0100"], [paid.Facts["Call type"], paid.Facts["From"], paid.Facts["To"]]);
                Assert.Equal("0.05 USD", paid.Facts["Charge"]);
                var pooled = Assert.Single(records, r => r.Facts["Capability"] == "MCOMEETADD");
                Assert.Equal("0.00 USD", pooled.Facts["Charge"]);
            })
            .StartTestAsync();
        // Inside, the charge stays exact: 3 minutes at 0.018.
        Assert.Equal(0.054m, h.Engine.AllUsage(BotHarness.TenantId).Single(r => r.Capability == Capability.MCOPSTNPP).Charge);
    }

    [Fact]
    public async Task Pools_AsAdminAfterCalls_ShowsProgressBarOfPooledMinutes()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now").AssertReply(_ => { })
            .StartTestAsync();
        h.Advance(TimeSpan.FromSeconds(44 * 60 + 30));
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send("pools")
            .AssertReply(a =>
            {
                var bar = (string?)ById(Card(a), "bar-2025-03-MCOMEETADD")?["text"];
                Assert.Equal(CardFormat.ProgressBar(45, PoolMinutes), bar);
                Assert.EndsWith(" 45/120", bar);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Pools_AsNonAdmin_ShowsEngineMessage()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("pools")
            .AssertReply(a => Assert.StartsWith(EngineMessages.For(EngineError.NotTenantAdmin), a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Credits_AfterAddingFunds_ListsPurchaseWithExpiryAYearLater()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send("add funds 40")
            .AssertReply(_ => { })
            .Send("credits")
            .AssertReply(a =>
            {
                var card = Card(a);
                Assert.Equal("Balance: 40.00 USD", (string?)ById(card, "balance")?["text"]);
                Assert.Contains(Texts(ById(card, "purchases")!), t => t == "40.00 USD left, expires 2026-03-10");
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task FastForward_WithRealClock_SaysTheClockIsReal()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("fast forward 30")
            .AssertReply(a => Assert.Contains("clock is real", a.AsMessageActivity().Text))
            .StartTestAsync();
        Assert.Equal(BotHarness.Start, h.Clock.GetUtcNow());
    }

    [Fact]
    public async Task FastForward_WithDemoClock_MetersMinutesUntilCutOff()
    {
        var h = BotHarness.Create(useDemoClock: true);
        await h.Flow()
            .Send("schedule Sync").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now").AssertReply(_ => { })
            .Send("fast forward 200")
            .AssertReply(a => Assert.Contains("forward 200 minute(s)", a.AsMessageActivity().Text))
            .StartTestAsync();
        var leg = h.Engine.ListLegs(BotHarness.TenantId, "1").Single();
        Assert.Equal(CallLegState.CutOff, leg.State);
        Assert.Equal(PoolMinutes, leg.MinutesPaid);
        Assert.Equal(BotHarness.Start.AddMinutes(200), h.Time.GetUtcNow());
    }

    [Theory]
    [InlineData("fast forward 999999")]
    [InlineData("fast forward -5")]
    [InlineData("fast forward abc")]
    [InlineData("fast forward 0 minutes")]
    [InlineData("fast forward")]
    public async Task FastForward_OutOfRangeOrNotANumber_ExplainsTheLimit(string typed)
    {
        var h = BotHarness.Create(useDemoClock: true);
        await h.Flow()
            .Send(typed)
            .AssertReply(a => Assert.Contains("1 to 44640 minutes", a.AsMessageActivity().Text))
            .StartTestAsync();
        Assert.Equal(BotHarness.Start, h.Time.GetUtcNow());
    }
}
