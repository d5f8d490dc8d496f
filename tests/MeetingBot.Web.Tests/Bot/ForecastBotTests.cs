using MeetingBot.Engine.Events;
using MeetingBot.Testing;
using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Schema;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>The money forecast on the admin's credits card, and the notice before credits are forfeited.</summary>
public sealed class ForecastBotTests
{
    [Fact]
    public async Task Credits_AsAdmin_CardHasAForecastSection_WithWindowsRunOutAndPool()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send("add funds 5").AssertReply(_ => { })
            .Send("credits")
            .AssertReply(a =>
            {
                var card = Card(a);
                Assert.Equal("Forecast", Texts(ById(card, "forecast")!)[0]);
                var windows = ById(card, "forecast-expiring")!["facts"]!.Select(f => ((string?)f["title"], (string?)f["value"])).ToList();
                Assert.Equal([("Next 30 days", "nothing expires within 30 days"), ("Next 60 days", "nothing expires within 60 days"),
                    ("Next 90 days", "nothing expires within 90 days")], windows);
                Assert.Equal("Nothing spent from credits this month, so no run-out day. (Ignores auto-recharge.)", (string?)ById(card, "forecast-credits")!["text"]);
                Assert.StartsWith("0 of 120 pooled minutes used, 0 a day: the pool lasts this month", (string?)ById(card, "forecast-pool")!["text"]);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Credits_NearExpiry_CardNamesTheAmountExpiringWithin30Days()
    {
        var h = BotHarness.Create();
        h.Engine.AddFunds(BotHarness.TenantId, "nestor", 7.50m).Unwrap();
        h.Clock.Advance(TimeSpan.FromDays(365 - 45));
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send("credits")
            .AssertReply(a =>
            {
                var values = ById(Card(a), "forecast-expiring")!["facts"]!.Select(f => (string?)f["value"]).ToList();
                Assert.Equal(["nothing expires within 30 days", "7.50 USD in 1 purchase expires within 60 days", "7.50 USD in 1 purchase expires within 90 days"], values);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task CreditsExpiringSoon_EveryAdminIsTold_OthersAreNot()
    {
        var (h, subscriber) = BotEventSubscriberTests.Create();
        await h.References.SaveAsync(BotHarness.TenantId, "adele", BotEventSubscriberTests.Reference(h.Adapter, "adele-chat"));
        await h.References.SaveAsync(BotHarness.TenantId, "nestor", BotEventSubscriberTests.Reference(h.Adapter, "nestor-chat"));
        var bought = new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

        await subscriber.HandleAsync(new CreditsExpiringSoon(BotHarness.TenantId, bought.AddMonths(12).AddDays(-7), Guid.NewGuid(), bought, bought.AddMonths(12), 4.40m, "USD"), default);

        var notice = h.Adapter.GetNextReply();
        Assert.Equal("nestor-chat", notice.Conversation.Id);
        Assert.Equal("⏳ 4.40 USD of Communications Credits bought 2025-03-03 will be forfeited on 2026-03-03 unless spent first. Type `credits` for the forecast.",
            notice.AsMessageActivity().Text);
        Assert.Empty(h.Adapter.ActiveQueue);
    }

    [Fact]
    public async Task ExpiryNotice_FromTheEnginesTick_ReachesTheAdminOnce()
    {
        await using var host = new BotTestHost(options: new BotTestHostOptions { UserId = "nestor" });
        host.Engine.AddFunds(BotHarness.TenantId, "nestor", 5m).Unwrap();
        await host.Chat().Say("credits").ExpectCard("Forecast");

        var first = await host.AdvanceAsync(TimeSpan.FromDays(365 - 6));
        var later = await host.AdvanceAsync(TimeSpan.FromDays(1));

        var expected = ForecastWords.ExpiryNotice(5m, "USD", BotHarness.Start, BotHarness.Start.AddMonths(12)) + " Type `credits` for the forecast.";
        Assert.Equal([expected], first.Select(a => a.AsMessageActivity().Text));
        Assert.Empty(later);
        Assert.Single(host.Events.All.OfType<CreditsExpiringSoon>());
    }

    [Fact]
    public async Task ReadmeStory_AnHourOfPooledCall_TheForecastShowsTheUseAndTheRunDryDay()
    {
        var h = BotHarness.Create(useDemoClock: true);
        string? pool = null;
        await h.Flow()
            .Send("schedule Weekly sync").AssertReply(_ => { })
            .Send("call me at 405 555 0100 now").AssertReply(_ => { })
            .Send("fast forward 60").AssertReply(_ => { })
            .Send("act as nestor").AssertReply(_ => { })
            .Send("add funds 5").AssertReply(_ => { })
            .Send("credits").AssertReply(a => pool = (string?)ById(Card(a), "forecast-pool")!["text"])
            .StartTestAsync();

        // 60 minutes by 10 March 16:00 (the clock starts at 15:00): 60 in 9 days and 16 hours is 6.21 a day; 120 are used 19 1/3 days in.
        Assert.Equal("60 of 120 pooled minutes used, 6.21 a day: the pool runs dry on 2025-03-20.", pool);
    }
}
