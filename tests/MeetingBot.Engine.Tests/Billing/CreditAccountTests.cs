using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Billing;

public class CreditAccountTests
{
    private const string T = EngineFixture.TenantId;

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.5)]
    [InlineData(10000.01)]
    [InlineData(1.001)]
    public void AddFunds_InvalidAmount_IsRefused_AndBalanceUnchanged(double amount)
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.InvalidAmount, f.Engine.AddFunds(T, "nestor", (decimal)amount).Error);
        Assert.Equal(0m, f.Engine.GetCreditBalance(T).Value);
    }

    [Fact]
    public void AddFunds_ByNonAdmin_IsRefused()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.AddFunds(T, "adele", 5m).Error);
    }

    [Fact]
    public void Funds_UnusedForTwelveMonths_AreForfeitedAndRecorded()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        f.Clock.Advance(TimeSpan.FromDays(100));
        f.Engine.AddFunds(T, "nestor", 3m).Unwrap();

        f.Clock.SetUtcNow(EngineFixture.Start.AddMonths(12));
        f.Engine.Tick();

        Assert.Equal(3m, f.Engine.GetCreditBalance(T).Value);
        var tenant = f.Engine.GetTenant(T).Value!;
        var forfeiture = Assert.Single(tenant.Credits.Ledger, l => l.Kind == CreditTransactionKind.Forfeiture);
        Assert.Equal(-5m, forfeiture.Amount);
    }

    [Fact]
    public void Spending_TakesOldestPurchaseFirst()
    {
        var account = new CreditAccount();
        var now = EngineFixture.Start;
        var older = account.AddFunds(5m, now, false);
        var newer = account.AddFunds(5m, now.AddDays(1), false);

        Assert.True(account.TryDebit(6m, now.AddDays(2), "call"));

        Assert.Equal(0m, older.Remaining);
        Assert.Equal(4m, newer.Remaining);
        Assert.False(account.TryDebit(4.01m, now.AddDays(2), "call"));
        Assert.Equal(4m, account.Balance);
    }

    [Fact]
    public void ConcurrentCreditCalls_NeverOverdraw()
    {
        var f = new EngineFixture(s => s.Subscriptions.Single(x => x.Sku == "AudioConferencingMonthly").Seats = 2);
        f.Engine.AddFunds(T, "nestor", 2.40m).Unwrap(); // ten minutes at 0.24
        var m = f.Schedule("lee");
        f.Engine.JoinMeeting(T, "lee", m.Id, MeetingBot.Engine.Meetings.AudioMode.ComputerAudio).Unwrap();

        Parallel.For(0, 300, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i => f.Engine.AddParticipantByPhone(T, "lee", m.Id, $"+20 2 2792{i:D4}"));
        f.Jump(TimeSpan.FromMinutes(3));

        Assert.Equal(0m, f.Engine.GetCreditBalance(T).Value);
        Assert.Equal(2.40m, f.Engine.AllUsage(T).Sum(r => r.Charge));
    }
}
