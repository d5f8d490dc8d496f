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
        ledger.MarkTold(NoticeLedger.Reminder("adele", "1"));

        Assert.True(ledger.ToldRecently(NoticeLedger.Reminder("adele", "1")));
        Assert.False(ledger.ToldRecently(NoticeLedger.Reminder("adele", "2")));
        stopwatch.Advance(NoticeLedger.Window);
        Assert.False(ledger.ToldRecently(NoticeLedger.Reminder("adele", "1")));
    }

    [Fact]
    public void Forget_AfterMark_NoLongerToldRecently()
    {
        var ledger = new NoticeLedger(new FakeTimeProvider());
        var key = NoticeLedger.Unavailable("alex", "1");
        ledger.MarkTold(key);
        ledger.Forget(key);
        Assert.False(ledger.ToldRecently(key));
    }
}
