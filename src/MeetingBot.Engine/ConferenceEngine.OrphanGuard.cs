using System.Collections.Concurrent;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Seeding;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>
    /// Each tenant's orphaned-leg policy, seeded from <c>DemoTenant:OrphanedLegPolicy</c> and changed by admins. An admin's
    /// change is stored (<see cref="Persistence.IEngineJournal.RecordOrphanedLegPolicy"/>) and restored over the seed's on a
    /// restart or failover; the audit log keeps every change.
    /// </summary>
    private readonly ConcurrentDictionary<string, OrphanedLegPolicy> _orphanedLegPolicies = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The seed's policy, checked: it is configuration, so a bad one fails the start.</summary>
    private static OrphanedLegPolicy OrphanedLegPolicyOf(TenantSeed seed)
    {
        if (string.IsNullOrWhiteSpace(seed.OrphanedLegPolicy)) return OrphanedLegPolicy.Off;
        return Enum.TryParse<OrphanedLegAction>(seed.OrphanedLegPolicy, ignoreCase: true, out var action) && Enum.IsDefined(action)
               && OrphanedLegPolicy.Create(action, seed.OrphanedLegEndAfterMinutes) is { } policy
            ? policy
            : throw new ArgumentException($"Tenant {seed.Id}: OrphanedLegPolicy must be Off, Ask or End (End with OrphanedLegEndAfterMinutes 1 to {OrphanedLegPolicy.MaxEndAfterMinutes}).", nameof(seed));
    }

    /// <summary>The tenant's orphaned-leg policy (Off for a tenant this engine does not hold).</summary>
    public OrphanedLegPolicy GetOrphanedLegPolicy(string tenantId) => _orphanedLegPolicies.GetValueOrDefault(tenantId ?? "", OrphanedLegPolicy.Off);

    /// <summary>An admin sets the tenant's orphaned-leg policy (audited). It applies to legs orphaned from now on, and to the End time of legs already orphaned.</summary>
    public EngineResult<OrphanedLegPolicy> SetOrphanedLegPolicy(string tenantId, string adminId, OrphanedLegAction action, int? endAfterMinutes) =>
        AdminAction<OrphanedLegPolicy>(tenantId, adminId, "orphan.policy", $"{action} {endAfterMinutes}".TrimEnd(), (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            if (!Enum.IsDefined(action) || OrphanedLegPolicy.Create(action, endAfterMinutes) is not { } policy) return EngineError.InvalidOrphanedLegPolicy;
            _journal.RecordOrphanedLegPolicy(tenant.Id, policy);
            _orphanedLegPolicies[tenant.Id] = policy;
            // Legs already orphaned are due at a new instant when the End time changed.
            foreach (var leg in tenant.LiveLegs.Where(l => l.IsOrphaned).ToList()) ScheduleLeg(tenant, leg);
            return policy;
        });

    /// <summary>
    /// How long after its user left an orphaned leg is ended: the tenant's End minutes; with Off, the host-wide
    /// <see cref="EngineOptions.EndOrphanedLegsAfter"/> as before tenants had a policy (null: never); with Ask, never (the
    /// phone's own answer decides).
    /// </summary>
    private TimeSpan? EndOrphanedLegsAfter(Tenant tenant) => GetOrphanedLegPolicy(tenant.Id) switch
    {
        { Action: OrphanedLegAction.End } p => TimeSpan.FromMinutes(p.EndAfterMinutes),
        { Action: OrphanedLegAction.Ask } => null,
        _ => Options.EndOrphanedLegsAfter,
    };

    /// <summary>
    /// Ask policy: a connected leg whose user just left hears "press 1 to stay"; its tick comes back when the answer is
    /// due. A ringing leg is asked when it connects. Caller holds the tenant lock and schedules the leg afterwards.
    /// </summary>
    private void AskToStayIfPolicy(Tenant tenant, CallLeg leg)
    {
        if (leg.State != CallLegState.Connected || !leg.IsOrphaned || leg.StayAskedAt is not null) return;
        if (GetOrphanedLegPolicy(tenant.Id).Action != OrphanedLegAction.Ask) return;
        leg.AskToStay(Now);
        leg.PlayPrompt(Now, EngineMessages.StayOnThePhonePrompt);
    }

    /// <summary>
    /// The tick's part of the guard for an orphaned, live leg: no answer to the stay prompt in time, or the policy's End
    /// time reached, hangs it up (its paid minutes stay paid, its usage is written by <see cref="EndLeg"/>) and the user
    /// is told. True when it ended the leg. Caller holds the tenant lock.
    /// </summary>
    private bool EndOrphanedLegIfDue(Tenant tenant, CallLeg leg, List<EngineEvent> raised)
    {
        OrphanedLegEndReason reason;
        if (leg.StayAskedAt is { } asked && Now - asked >= Options.OrphanedLegAnswerTimeout) reason = OrphanedLegEndReason.NoAnswerToStayPrompt;
        else if (EndOrphanedLegsAfter(tenant) is { } after && Now - leg.OrphanedAt!.Value >= after) reason = OrphanedLegEndReason.EndedAfterPolicyTime;
        else return false;
        leg.StayQuestionSettled();
        EndLeg(tenant, leg, Now, CallLegState.Ended, raised);
        raised.Add(new OrphanedLegEnded(tenant.Id, Now, leg.RequestedByUserId!, leg.MeetingId, leg.Id, leg.ToNumber, reason));
        return true;
    }

    /// <summary>The next instant the guard has work for an orphaned leg (null: none).</summary>
    private long? OrphanGuardDue(Tenant tenant, CallLeg leg)
    {
        long? due = null;
        if (leg.StayAskedAt is { } asked) due = (asked + Options.OrphanedLegAnswerTimeout).UtcTicks;
        if (EndOrphanedLegsAfter(tenant) is { } after)
        {
            var end = (leg.OrphanedAt!.Value + after).UtcTicks;
            due = due is { } d ? Math.Min(d, end) : end;
        }
        return due;
    }
}
