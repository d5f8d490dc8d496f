using MeetingBot.Web.Bot;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Web.Tests.Bot;

public sealed class NoticeLedgerTests
{
    [Fact]
    public void ToldRecently_WithinWindow_TrueThenFalseAfter()
    {
        var stopwatch = new FakeTimeProvider();
        var ledger = new NoticeLedger(stopwatch);
        ledger.MarkTold(NoticeLedger.Reminder("leg-1"));

        Assert.True(ledger.ToldRecently(NoticeLedger.Reminder("leg-1")));
        Assert.False(ledger.ToldRecently(NoticeLedger.Reminder("leg-2")));
        stopwatch.Advance(NoticeLedger.Window);
        Assert.False(ledger.ToldRecently(NoticeLedger.Reminder("leg-1")));
    }
}
