using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Tenancy;
using MeetingBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Storage.Tests;

/// <summary>
/// What admins set outlives a restart: the orphaned-leg policy (the seed's only until an admin changes it), the toll-fraud
/// guardrails, users' own budgets with what this month used of them, and dial-outs waiting for approval.
/// </summary>
public class GuardrailRestartTests
{
    private const string T = Seeds.TenantId;
    private const string Egypt = "+20 2 2792 1234";

    private sealed class Recorder : IEngineEvents
    {
        public List<EngineEvent> All { get; } = [];
        public void Publish(EngineEvent engineEvent) => All.Add(engineEvent);
    }

    private static (ConferenceEngine Engine, Recorder Events) Start(TestStore store, FakeTimeProvider clock, string? seedOrphanPolicy = null)
    {
        var events = new Recorder();
        var engine = new ConferenceEngine(new EngineOptions { AutoAnswerAfter = TimeSpan.Zero }, clock, events, journal: new SqlEngineJournal(store.NewDialect()));
        var seed = Seeds.Tenant(initialFunds: 20m);
        seed.OrphanedLegPolicy = seedOrphanPolicy;
        engine.AddTenant(seed);
        return (engine, events);
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_KeepsTheOrphanedLegPolicyAnAdminSet_OverTheSeeds(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var (fresh, _) = Start(store, clock, seedOrphanPolicy: "Ask");
        Assert.Equal(OrphanedLegAction.Ask, fresh.GetOrphanedLegPolicy(T).Action); // never set: the seed's

        fresh.SetOrphanedLegPolicy(T, "nestor", OrphanedLegAction.End, 7).Unwrap();
        var (after, _) = Start(store, clock, seedOrphanPolicy: "Ask");

        Assert.Equal(new OrphanedLegPolicy(OrphanedLegAction.End, 7), after.GetOrphanedLegPolicy(T));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_KeepsGuardrailsBudgetsAndWhatTheMonthUsed(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var (before, _) = Start(store, clock);
        before.SetGuardrails(T, "nestor", 30, 12.50m, true, 0.10m, 15).Unwrap();
        before.SetUserBudget(T, "nestor", "adele", 3, 0.50m).Unwrap();
        before.SetUserBudget(T, "nestor", "lee", 100, null).Unwrap();
        before.SetUserBudget(T, "nestor", "lee", null, null, useDefault: true).Unwrap();
        var meeting = before.ScheduleMeeting(T, "adele", "Budget", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Value!;
        var leg = before.CallMe(T, "adele", meeting.Id, "4055550100").Unwrap();
        clock.Advance(TimeSpan.FromSeconds(90));
        before.Tick();
        before.HangUp(T, "adele", leg.Id).Unwrap(); // two minutes of adele's three

        var (after, _) = Start(store, clock);

        Assert.Equal(new TollFraudGuardrails(new Engine.Billing.DialOutBudget(30, 12.50m), true, 0.10m, 15), after.GetGuardrails(T));
        var budgets = after.GetBudgets(T, "nestor").Unwrap();
        var adele = budgets.Single(b => b.UserId == "adele");
        Assert.Equal((true, 3, 0.50m, 2, 1), (adele.IsOverride, adele.Budget.MinutesPerMonth, adele.Budget.MoneyPerMonth, adele.MinutesUsed, adele.MinutesLeft));
        Assert.False(budgets.Single(b => b.UserId == "lee").IsOverride);
        // The last minute is still there after the restart, and then none.
        var again = after.CallMe(T, "adele", meeting.Id, "4055550100").Unwrap();
        clock.Advance(TimeSpan.FromMinutes(3));
        after.Tick();
        Assert.Equal((CallLegState.CutOff, 1), (after.GetLeg(T, again.Id).Value!.State, after.GetLeg(T, again.Id).Value!.MinutesPaid));
    }

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void Restart_WithAnApprovalPending_TheOrganizerCanStillApprove_AndItExpiresOnTime(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        var (before, beforeEvents) = Start(store, clock);
        before.SetGuardrails(T, "nestor", null, null, true, null, 10).Unwrap();
        var meeting = before.ScheduleMeeting(T, "lee", "Abroad", clock.GetUtcNow(), clock.GetUtcNow().AddHours(1)).Value!;
        Assert.Equal(EngineError.AwaitingOrganizerApproval, before.CallMe(T, "adele", meeting.Id, Egypt).Error);
        Assert.Equal(EngineError.AwaitingOrganizerApproval, before.CallMe(T, "adele", meeting.Id, "+20 3 4871234").Error);
        var held = beforeEvents.All.OfType<DialOutApprovalRequested>().Select(e => e.Approval).ToList();
        clock.Advance(TimeSpan.FromMinutes(1));

        var (after, afterEvents) = Start(store, clock);
        var pending = after.ListApprovals(T, "lee").Unwrap();
        Assert.Equal(held.Select(a => a.Id).Order(), pending.Select(a => a.Id).Order());
        Assert.Equal(held.OrderBy(a => a.Id).Select(a => (a.Number, a.ExpiresAt, a.RatePerMinute)), pending.OrderBy(a => a.Id).Select(a => (a.Number, a.ExpiresAt, a.RatePerMinute)));

        var approved = after.ApproveDialOut(T, "lee", held[0].Id).Unwrap();
        Assert.NotNull(approved.LegId);
        clock.Advance(TimeSpan.FromMinutes(9));
        after.Tick();

        var (third, _) = Start(store, clock);
        var decided = third.ListApprovals(T, "adele").Unwrap().ToDictionary(a => a.Id);
        Assert.Equal((ApprovalStatus.Approved, approved.LegId), (decided[held[0].Id].Status, decided[held[0].Id].LegId));
        Assert.Equal(ApprovalStatus.Expired, decided[held[1].Id].Status);
        Assert.Single(afterEvents.All.OfType<DialOutApprovalDecided>(), e => e.Approval.Status == ApprovalStatus.Expired);
    }
}
