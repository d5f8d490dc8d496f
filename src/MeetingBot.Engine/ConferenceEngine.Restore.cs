using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>
    /// Rebuilds a tenant from its stored state after a restart, or on another host after its owner died. Rosters
    /// are not kept (clients rejoin). A connected leg whose paid minute has not run out yet goes on — a phone call
    /// does not die with an app host; the phone network holds it — and this host pays its next minute; so does a leg
    /// whose minute ran out less than <see cref="EngineOptions.RestoreGrace"/> ago (a failover, or a reload after a
    /// tick that could not be stored), paid from where its last minute ended. A leg whose
    /// paid time ran out longer ago, while no host owned the tenant, ended at the end of its last paid minute (the crash rule,
    /// docs/storage.md), so every paid minute is billed exactly once and nothing unpaid is billed; its usage
    /// records are written with the ids they would have had. Legs that never connected are closed.
    /// </summary>
    private void Restore(Tenant tenant, TenantJournal stored)
    {
        foreach (var u in stored.Users)
        {
            if (!tenant.UsersById.TryGetValue(u.Id, out var user)) continue; // removed from configuration
            // Stored before assignment dates were kept: those licenses count as held all along, as they were then reported.
            // Stored before directory ids were kept, or never mapped: the seed's id stays.
            user.Apply(u with { AadObjectId = u.AadObjectId ?? user.AadObjectId }, DateTimeOffset.MinValue);
        }
        tenant.LicensesChanged();

        tenant.Credits.Restore(stored.Purchases, stored.Ledger);
        RestoreGuardrails(tenant, stored);
        if (stored.Audit is { } audit) tenant.Audit.AddRange(audit.TakeLast(MaxAuditEntriesInMemory));
        // The notice is audited when it is raised, so a restarted host does not tell the admins twice.
        foreach (var entry in stored.Audit ?? [])
            if (entry.Action == CreditExpiryNoticeAction && Guid.TryParse(entry.Target, out var noticed)) tenant.ExpiryNoticesSent.Add(noticed);
        if (stored.AutoRecharge is not null) tenant.Credits.SetAutoRecharge(stored.AutoRecharge);
        foreach (var p in stored.PoolUsage) tenant.MinutesUsed[(p.Month, p.Capability)] = p.MinutesUsed;
        // The store keeps no usage location per record; it is the user's, as when the record was written.
        tenant.Usage.AddRange(stored.Usage.OrderBy(r => r.Start).Select(r =>
            r.UserCountry.Length == 0 && tenant.UsersById.TryGetValue(r.UserId, out var u) ? r with { UserCountry = u.Country } : r));

        RestorePoolMinutesOnDay(tenant, stored);

        foreach (var s in stored.Meetings)
        {
            if (!tenant.UsersById.TryGetValue(s.OrganizerId, out var organizer)) continue;
            var meeting = Meeting.Restore(tenant.Id, s, $"{BaseUrl}/meet/{s.Id}");
            meeting.SendInvite(s.ConferenceId is null
                ? new MeetingInvite(meeting.Id, meeting.Subject, organizer.DisplayName, meeting.Start, meeting.End, meeting.JoinUrl, null, null)
                : BuildInvite(tenant, meeting, organizer));
            tenant.Meetings[s.Id] = meeting;
            _tenantByMeeting[s.Id] = tenant.Id;
            if (long.TryParse(s.Id, out var n)) InterlockedMax(ref _meetingCounter, n);
        }

        var raised = new List<Events.EngineEvent>();
        foreach (var s in stored.LiveLegs)
        {
            if (!tenant.Meetings.ContainsKey(s.MeetingId) || !tenant.UsersById.ContainsKey(s.BilledUserId)) continue;
            var leg = CallLeg.Restore(tenant.Id, s);
            tenant.Legs[leg.Id] = leg;
            _tenantByLeg[leg.Id] = tenant.Id;
            if (leg.State == CallLegState.Connected && leg.MinutesPaid > 0 && Now < leg.PaidThrough + Options.RestoreGrace)
            {
                // The phone network still holds the call: the leg goes on here, and its next minute is paid (or the
                // call cut off) from where the last one ended, as if the host had never changed.
                ContinueLeg(tenant, tenant.Meetings[s.MeetingId], leg);
            }
            else if (leg.State == CallLegState.Connected && leg.MinutesPaid > 0)
            {
                // Down longer than the paid time: nobody paid for what came after it, so the call ended there.
                EndLeg(tenant, leg, leg.PaidThrough, CallLegState.Ended, raised);
            }
            else
            {
                leg.End(leg.ConnectedAt ?? leg.CreatedAt);
                JournalLeg(leg);
            }
        }
        RestoreBudgetSpend(tenant);
    }

    /// <summary>A leg that outlived its host, back in its meeting's roster and in the metering queue.</summary>
    private void ContinueLeg(Tenant tenant, Meeting meeting, CallLeg leg)
    {
        var user = leg.Kind == CallLegKind.CallMe && leg.RequestedByUserId is { } id && tenant.UsersById.TryGetValue(id, out var u) ? u : null;
        var participant = new Participant(leg.ParticipantId, user?.Id, user?.DisplayName ?? Phone.PhoneNumberNormalizer.Display(leg.ToNumber), leg.ConnectedAt!.Value);
        participant.UsePhone(leg.Id);
        meeting.Add(participant);
        tenant.LiveLegs.Add(leg);
        ScheduleLeg(tenant, leg);
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value)
            if (Interlocked.CompareExchange(ref target, value, current) == current) return;
    }
}
