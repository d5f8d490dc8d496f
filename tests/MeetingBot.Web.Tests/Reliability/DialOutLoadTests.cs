using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine.Snapshots;
using System.Collections.Concurrent;
using System.Diagnostics;
using MeetingBot.Engine;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Web.Tests.Api;
using Xunit.Abstractions;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// A bounded load run in one host: N meetings with 2 phone legs each, dialed by 16 concurrent workers while a
/// clock thread moves time and ticks the engine, until the pool and the credits run dry. Whatever interleaving
/// happens, nothing is overdrawn and every paid minute has exactly one usage record (figures in docs/reliability.md).
/// </summary>
public sealed class DialOutLoadTests(ITestOutputHelper output)
{
    private const int LegsPerMeeting = 2;
    private const decimal Funds = 3.00m;

    /// <summary>200 meetings drain everything at connect; 20 meetings drain it over several ticked minutes.</summary>
    [Theory]
    [InlineData(200)]
    [InlineData(20)]
    public async Task ConcurrentDialOutsAndTicks_PoolAndCreditsRunDry_NoOverdrawAndUsageEqualsPaidMinutes(int meetingCount)
    {
        await using var host = new MeetingBotAppFactory(new Dictionary<string, string?>
        {
            // The limits guard against toll fraud; this run measures the money rules, so it lifts them.
            ["MeetingBot:Engine:MaxDialOutsPerUserPerMinute"] = "100000",
            ["MeetingBot:Engine:MaxDialOutsPerTenantPerMinute"] = "100000",
        });
        var tenants = host.Tenants;
        const string t = "contoso";
        Assert.True((await tenants.Ask(t, new AddFunds("nestor", Funds))).IsSuccess);
        var meetings = new List<string>();
        for (var i = 1; i <= meetingCount; i++)
        {
            var m = (await tenants.Ask(t, new ScheduleMeeting("lee", $"Load {i}", MeetingBotAppFactory.Start, MeetingBotAppFactory.Start.AddHours(2)))).Value!;
            Assert.True((await tenants.Ask(t, new JoinMeeting("lee", m.Id, AudioMode.ComputerAudio))).IsSuccess);
            meetings.Add(m.Id);
        }

        var outcomes = new ConcurrentDictionary<string, int>();
        var legs = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var clock = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested) { host.Advance(TimeSpan.FromSeconds(7)); await Task.Yield(); }
        });
        var watch = Stopwatch.StartNew();
        var work = new ConcurrentQueue<(string Meeting, int Index)>(meetings.SelectMany(m => Enumerable.Range(0, LegsPerMeeting).Select(i => (m, i))));
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            while (work.TryDequeue(out var item))
            {
                var leg = await tenants.Ask(t, new AddParticipantByPhone("lee", item.Meeting, $"+1206555{(item.Index * 1000 + legs.Count) % 10000:D4}"));
                outcomes.AddOrUpdate(leg.IsSuccess ? "ok" : leg.Error!.Value.ToString(), 1, (_, n) => n + 1);
                if (leg.IsSuccess) legs.Add(leg.Value!.Id);
            }
        })));
        var dialSeconds = watch.Elapsed.TotalSeconds;
        // Let every leg run until the money is gone or 30 simulated minutes pass, then hang up what is left.
        async Task<List<CallLegSnapshot>> AllLegsAsync()
        {
            var all = new List<CallLegSnapshot>();
            foreach (var m in meetings) all.AddRange(await tenants.Ask(t, new ListLegs(m)));
            return all;
        }
        for (var i = 0; i < 30 * 60 / 7 && (await AllLegsAsync()).Any(l => l.IsLive); i++) await Task.Delay(1);
        await stop.CancelAsync();
        await clock;
        foreach (var m in meetings) await tenants.Ask(t, new EndMeeting("lee", m));
        host.Advance(TimeSpan.FromSeconds(1));

        var all = (await AllLegsAsync()).Where(l => legs.Contains(l.Id)).ToList();
        var usage = (await tenants.Ask(t, new GetUsageReport("nestor", MeetingBotAppFactory.Start.AddDays(-1), MeetingBotAppFactory.Start.AddDays(2)))).Value!;
        var pool = (await tenants.Ask(t, new GetMinutePoolsReport("nestor"))).Value!.Single(r => r.Capability == Capability.MCOMEETADD);
        var balance = (await tenants.Ask(t, new GetCreditBalance())).Value;
        static int Minutes(int seconds) => (seconds + 59) / 60;
        var paid = all.Sum(l => l.MinutesPaid);
        output.WriteLine($"dial-outs {meetingCount * LegsPerMeeting} in {dialSeconds:F2} s; outcomes {string.Join(", ", outcomes.Select(o => $"{o.Key}={o.Value}"))}");
        output.WriteLine($"legs {all.Count}, live {all.Count(l => l.IsLive)}, paid minutes {paid}, pool used {pool.MinutesUsed}/{pool.MinutesAvailable}, " +
                         $"credits spent {Funds - balance} of {Funds}, usage records {usage.Count}");

        Assert.Equal(meetingCount * LegsPerMeeting, outcomes.Values.Sum());
        Assert.DoesNotContain(all, l => l.IsLive);
        Assert.InRange(pool.MinutesUsed, 0, pool.MinutesAvailable);
        Assert.Equal(pool.MinutesAvailable, pool.MinutesUsed); // the run drains the pool
        Assert.InRange(balance, 0m, Funds);
        Assert.True(Funds - balance > Funds - 0.018m, $"credits left {balance}: the run should spend all but less than one minute");
        Assert.Equal(paid, usage.Sum(r => Minutes(r.DurationSeconds)));
        Assert.Equal(pool.MinutesUsed, usage.Where(r => r.Capability == Capability.MCOMEETADD).Sum(r => Minutes(r.DurationSeconds)));
        Assert.Equal(Funds - balance, usage.Sum(r => r.Charge));
        Assert.Equal(all.Count(l => l.MinutesPaid > 0), usage.Select(r => r.CallId).Distinct().Count());
    }
}
