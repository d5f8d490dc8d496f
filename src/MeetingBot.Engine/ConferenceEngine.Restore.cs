using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>
    /// Rebuilds a tenant from its stored state after a restart. Rosters are not kept (clients rejoin). Legs that
    /// were live when the host stopped are closed — the phone network drops a call whose media host died — at
    /// the end of their last paid minute or now, whichever is earlier, so every paid minute is billed exactly
    /// once and nothing unpaid is billed; their usage records are written with the same ids they would have had.
    /// </summary>
    private void Restore(Tenant tenant, TenantJournal stored)
    {
        foreach (var u in stored.Users)
        {
            if (!tenant.UsersById.TryGetValue(u.Id, out var user)) continue; // removed from configuration
            foreach (var sku in user.Licenses.ToList()) user.RemoveLicense(sku);
            foreach (var sku in u.Licenses) user.AddLicense(sku);
            user.DialOutPermission = u.DialOutPermission;
            user.OrganizerPin = u.OrganizerPin;
        }
        tenant.LicensesChanged();

        tenant.Credits.Restore(stored.Purchases, stored.Ledger);
        if (stored.Audit is { } audit) tenant.Audit.AddRange(audit.TakeLast(MaxAuditEntriesInMemory));
        if (stored.AutoRecharge is not null) tenant.Credits.SetAutoRecharge(stored.AutoRecharge);
        foreach (var p in stored.PoolUsage) tenant.MinutesUsed[(p.Month, p.Capability)] = p.MinutesUsed;
        // The store keeps no usage location per record; it is the user's, as when the record was written.
        tenant.Usage.AddRange(stored.Usage.OrderBy(r => r.Start).Select(r =>
            r.UserCountry.Length == 0 && tenant.UsersById.TryGetValue(r.UserId, out var u) ? r with { UserCountry = u.Country } : r));

        foreach (var s in stored.Meetings)
        {
            if (!tenant.UsersById.TryGetValue(s.OrganizerId, out var organizer)) continue;
            var meeting = new Meeting(s.Id, tenant.Id, s.OrganizerId, s.Subject, s.Start, s.End, $"{BaseUrl}/meet/{s.Id}")
            {
                ConferenceId = s.ConferenceId,
                Lobby = new LobbySettings(s.LobbyBypass, s.DialInCallersBypass),
                EndedAt = s.EndedAt,
            };
            meeting.Invite = s.ConferenceId is null
                ? new MeetingInvite(meeting.Id, meeting.Subject, organizer.DisplayName, meeting.Start, meeting.End, meeting.JoinUrl, null, null)
                : BuildInvite(tenant, meeting, organizer);
            tenant.Meetings[s.Id] = meeting;
            _tenantByMeeting[s.Id] = tenant.Id;
            if (long.TryParse(s.Id, out var n)) InterlockedMax(ref _meetingCounter, n);
        }

        var raised = new List<Events.EngineEvent>();
        foreach (var s in stored.LiveLegs)
        {
            if (!tenant.Meetings.ContainsKey(s.MeetingId) || !tenant.UsersById.ContainsKey(s.BilledUserId)) continue;
            var leg = new CallLeg(s.Id, tenant.Id, s.MeetingId, s.ParticipantId, s.Kind, s.RequestedByUserId, s.BilledUserId,
                s.FromNumber, s.ToNumber, s.DestinationRegion, s.CreatedAt)
            {
                State = s.State,
                ConnectedAt = s.ConnectedAt,
            };
            foreach (var seg in s.Segments) leg.RestoreSegment(seg.Capability, seg.Start, seg.Minutes, seg.Charge);
            tenant.Legs[leg.Id] = leg;
            _tenantByLeg[leg.Id] = tenant.Id;
            if (leg.State == CallLegState.Connected && leg.MinutesPaid > 0)
            {
                var end = leg.PaidThrough < Now ? leg.PaidThrough : Now;
                EndLeg(tenant, leg, end, CallLegState.Ended, raised);
            }
            else
            {
                leg.State = CallLegState.Ended;
                leg.EndedAt = leg.ConnectedAt ?? leg.CreatedAt;
                JournalLeg(leg);
            }
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while ((current = Interlocked.Read(ref target)) < value)
            if (Interlocked.CompareExchange(ref target, value, current) == current) return;
    }
}
