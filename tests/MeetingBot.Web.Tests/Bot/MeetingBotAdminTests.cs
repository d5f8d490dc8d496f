using MeetingBot.Engine;
using MeetingBot.Engine.Licensing;
using MeetingBot.Web.Bot.Cards;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

public sealed class MeetingBotAdminTests
{
    [Fact]
    public async Task Admin_AsNestor_ListsUsersWithLicensesAndPermissions()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send("admin")
            .AssertReply(a =>
            {
                var users = Texts(ById(Card(a), "users")!);
                var alex = users.SkipWhile(t => !t.StartsWith("Alex Wilber")).Skip(1).First();
                Assert.Contains("Don't allow", alex);
                var adele = users.SkipWhile(t => !t.StartsWith("Adele Vance")).Skip(1).First();
                Assert.Contains("MCOMEETADD", adele);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task SetPermission_AlexToAnyDestination_AlexCanThenBeCalled()
    {
        var h = BotHarness.Create();
        var meeting = h.Engine.ScheduleMeeting(BotHarness.TenantId, "adele", "Sync", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.SetPermission, permUser = "alex", permValue = nameof(DialOutPermission.AnyDestination) }))
            .AssertReply(a => Assert.Contains("Alex Wilber: Any destination", a.AsMessageActivity().Text))
            .Send("act as alex").AssertReply(_ => { })
            .Send($"join {meeting.Id}").AssertReply(_ => { })
            .Send("call me at 405 555 0177 now")
            .AssertReply(a => Assert.Contains("connected", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task SetPermission_ForgedValue_AsksToPickAgainAndChangesNothing()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.SetPermission, permUser = "alex", permValue = "42" }))
            .AssertReply("Pick a user and a dial-out permission on the admin card.")
            .StartTestAsync();
        Assert.Equal(DialOutPermission.DontAllow, h.Engine.GetUser(BotHarness.TenantId, "alex").Unwrap().DialOutPermission);
    }

    [Fact]
    public async Task SetAutoRecharge_ValidAmounts_SavedAndShownOnCreditsCard()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.SetAutoRecharge, arEnabled = "true", arThreshold = "5", arAmount = "20" }))
            .AssertReply(a => Assert.Contains("Auto-recharge on", a.AsMessageActivity().Text))
            .Send("credits")
            .AssertReply(a => Assert.Contains("Auto-recharge: add 20.00 USD when the balance falls below 5.00 USD.", Texts(Card(a))))
            .StartTestAsync();
        var settings = h.Engine.GetTenant(BotHarness.TenantId).Unwrap().Credits.AutoRecharge;
        Assert.True(settings.Enabled);
        Assert.Equal(20m, settings.Amount);
    }

    [Fact]
    public async Task AddFunds_InvalidAmount_ShowsEngineMessage()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.AddFunds, fundsAmount = "0.5" }))
            .AssertReply(EngineMessages.For(EngineError.InvalidAmount))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("add funds -5")]
    [InlineData("add funds 0")]
    [InlineData("add funds 99999999")]
    [InlineData("add credits lots")]
    public async Task AddFunds_TypedAmountOutOfRange_SaysWhyAndAddsNothing(string typed)
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send(typed)
            .AssertReply(EngineMessages.For(EngineError.InvalidAmount))
            .StartTestAsync();
        Assert.Equal(0m, h.Engine.GetCreditBalance(BotHarness.TenantId).Value);
    }

    [Fact]
    public async Task AssignLicense_NoSeatsLeft_ShowsEngineMessage()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("act as nestor").AssertReply(_ => { })
            .Send(BotHarness.Submit(new { action = CardActions.AssignLicense, licUser = "megan", licSku = nameof(LicenseSku.AudioConferencingMonthly) }))
            .AssertReply(a => Assert.Contains("Assigned", a.AsMessageActivity().Text))
            .Send(BotHarness.Submit(new { action = CardActions.AssignLicense, licUser = "alex", licSku = nameof(LicenseSku.AudioConferencingMonthly) }))
            .AssertReply(EngineMessages.For(EngineError.NoSeatsLeft))
            .StartTestAsync();
    }
}
