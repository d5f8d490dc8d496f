using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using MeetingBot.Cluster.Commands;
using MeetingBot.Cluster.Tests.Support;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Storage.Tests.Support;

namespace MeetingBot.Cluster.Tests;

/// <summary>A tenant is owned by one grain activation in a cluster of several silos, and survives the death of its silo.</summary>
public sealed class TenantGrainTests
{
    private const string T = Seeds.TenantId;

    [Fact]
    public async Task ConcurrentCommandsFromEverySilo_OneActivation_EveryMeetingAndLegKnownEverywhere()
    {
        await using var tenants = await TenantCluster.StartAsync(silos: 3, durable: false);
        var meetings = new ConcurrentBag<string>();
        // With no journal, meeting numbers come from the engine's own counter: a second activation would hand
        // out the same numbers again and hold only part of the meetings.
        await Task.WhenAll(Enumerable.Range(0, 3).SelectMany(silo => Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            var via = tenants.TenantsOn(silo);
            var m = (await via.Ask(T, new ScheduleMeeting("lee", $"From silo {silo} #{i}", Seeds.Start, Seeds.Start.AddHours(1)))).Value!;
            Assert.True((await via.Ask(T, new JoinMeeting("lee", m.Id, AudioMode.ComputerAudio))).IsSuccess);
            Assert.True((await via.Ask(T, new AddParticipantByPhone("lee", m.Id, $"+1206555{silo * 100 + i:D4}"))).IsSuccess);
            meetings.Add(m.Id);
        }))));

        Assert.Equal(60, meetings.Distinct().Count());
        for (var silo = 0; silo < 3; silo++)
        {
            var seen = await tenants.TenantsOn(silo).Ask(T, new ListMeetings("lee"));
            Assert.Equal(meetings.Order(), seen.Select(m => m.Id).Order());
            Assert.Equal(60, (await Task.WhenAll(seen.Select(m => tenants.TenantsOn(silo).Ask(T, new ListLegs(m.Id))))).Sum(l => l.Count));
        }
        var owners = await Task.WhenAll(Enumerable.Range(0, 3).Select(silo => tenants.Cluster.Silos[silo].ServiceProvider
            .GetRequiredService<IGrainFactory>().GetGrain<ITenantGrain>(T).Owner()));
        Assert.Single(owners.Distinct());
    }

    [Fact]
    public async Task OwningSiloKilledMidCall_TenantReactivatesOnASurvivor_CallGoesOnAndEachMinuteIsPaidOnce()
    {
        await using var tenants = await TenantCluster.StartAsync(silos: 2, durable: true);
        var first = tenants.TenantsOn(0);
        var meeting = (await first.Ask(T, new ScheduleMeeting("lee", "Failover", Seeds.Start, Seeds.Start.AddHours(1)))).Value!;
        var poolLeg = (await first.Ask(T, new CallMe("adele", meeting.Id, "4055550100"))).Value!;
        Assert.True((await first.Ask(T, new JoinMeeting("lee", meeting.Id, AudioMode.ComputerAudio))).IsSuccess);
        var creditLeg = (await first.Ask(T, new AddParticipantByPhone("lee", meeting.Id, "+90 212 555 1234"))).Value!; // outside Zone A: paid from credits
        tenants.Clock.Advance(TimeSpan.FromSeconds(150)); // three minutes begun on each leg
        await first.Ask(T, new Tick());
        var balanceBefore = (await first.Ask(T, new GetCreditBalance())).Value;

        var owner = await tenants.Cluster.Client.GetGrain<ITenantGrain>(T).Owner();
        var dying = tenants.Cluster.Silos.Single(s => owner.Contains(s.SiloAddress.ToString(), StringComparison.Ordinal) || s.SiloAddress.ToParsableString() == owner);
        var survivorIndex = tenants.Cluster.Silos.ToList().FindIndex(s => s != dying);
        var survivor = tenants.TenantsOn(survivorIndex);
        await tenants.Cluster.KillSiloAsync(dying);

        tenants.Clock.Advance(TimeSpan.FromSeconds(10)); // still inside the third paid minute
        var restored = (await survivor.Ask(T, new ListLegs(meeting.Id))).ToDictionary(l => l.Id);
        Assert.Equal((CallLegState.Connected, 3), (restored[poolLeg.Id].State, restored[poolLeg.Id].MinutesPaid));
        Assert.Equal((CallLegState.Connected, 3), (restored[creditLeg.Id].State, restored[creditLeg.Id].MinutesPaid));
        Assert.Equal(balanceBefore, (await survivor.Ask(T, new GetCreditBalance())).Value);
        Assert.Equal("Failover", (await survivor.Ask(T, new GetMeeting(meeting.Id))).Value!.Subject);

        tenants.Clock.Advance(TimeSpan.FromSeconds(100)); // 260 s: minutes four and five begin on the new owner
        await survivor.Ask(T, new Tick());
        Assert.True((await survivor.Ask(T, new HangUp("adele", poolLeg.Id))).IsSuccess);
        Assert.True((await survivor.Ask(T, new HangUp("lee", creditLeg.Id))).IsSuccess);

        var legs = await survivor.Ask(T, new ListLegs(meeting.Id));
        var usage = (await survivor.Ask(T, new GetUsageReport("nestor", Seeds.Start.AddDays(-1), Seeds.Start.AddDays(1)))).Value!;
        foreach (var leg in legs)
        {
            var seconds = (int)(leg.EndedAt!.Value - leg.ConnectedAt!.Value).TotalSeconds;
            Assert.Equal((seconds + 59) / 60, leg.MinutesPaid); // paid minutes = ceil(duration / 60 s), across the failover
            Assert.Equal(seconds, usage.Where(r => r.CallId == leg.Id).Sum(r => r.DurationSeconds));
        }
        var pool = (await survivor.Ask(T, new GetMinutePoolsReport("nestor"))).Value!.Single(r => r.Capability == Capability.MCOMEETADD);
        Assert.Equal(legs.Single(l => l.Id == poolLeg.Id).MinutesPaid, pool.MinutesUsed);
        Assert.Equal(balanceBefore - 2 * 0.24m, (await survivor.Ask(T, new GetCreditBalance())).Value);
    }

    [Fact]
    public async Task ATickTheStoreRefuses_ReloadsTheTenantFromTheStore_AndTheTickIsSentAgainToIt()
    {
        await using var tenants = await TenantCluster.StartAsync(silos: 1, durable: true);
        var via = tenants.TenantsOn(0);
        var meeting = (await via.Ask(T, new ScheduleMeeting("lee", "Stale owner", Seeds.Start, Seeds.Start.AddHours(1)))).Value!;
        var leg = (await via.Ask(T, new CallMe("adele", meeting.Id, "4055550100"))).Value!; // Zone A: the pool pays
        tenants.Clock.Advance(TimeSpan.FromSeconds(150));
        await via.Ask(T, new Tick()); // three pooled minutes, paid through 180 s
        var pool = (await via.Ask(T, new GetMinutePoolsReport("nestor"))).Value!.Single(r => r.Capability == Capability.MCOMEETADD);
        var balance = (await via.Ask(T, new GetCreditBalance())).Value;

        // Something else (a stale owner) used the rest of the pool behind this owner's back.
        tenants.Sql($"UPDATE pool_usage SET used = {pool.MinutesAvailable} WHERE capability = 'MCOMEETADD'");
        tenants.Clock.Advance(TimeSpan.FromSeconds(35)); // 185 s: minute four is due
        var paid = await via.Ask(T, new Tick());

        // The owner's batch (minute four from the pool) was refused whole; the tenant reloaded from the store and the
        // tick, sent again, paid minute four from credits, where the store says the money is.
        Assert.Equal(1, paid);
        var now = (await via.Ask(T, new ListLegs(meeting.Id))).Single(l => l.Id == leg.Id);
        Assert.Equal((CallLegState.Connected, 4), (now.State, now.MinutesPaid));
        Assert.Equal((long)pool.MinutesAvailable, tenants.Sql("SELECT used FROM pool_usage WHERE capability = 'MCOMEETADD'"));
        Assert.Equal("MCOPSTNPP", tenants.Sql($"SELECT capability FROM leg_minutes WHERE leg_id = '{leg.Id}' AND minute_index = 4"));
        Assert.Equal(balance - 0.02m, (await via.Ask(T, new GetCreditBalance())).Value);
    }
}
