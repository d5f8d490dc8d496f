using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>How often a tenant's tick looks for meetings past <see cref="EngineOptions.MeetingRetention"/>.</summary>
    private static readonly TimeSpan MeetingPurgeInterval = TimeSpan.FromHours(1);

    private static bool MeetingPurgeDue(Tenant tenant, long nowTicks) => nowTicks >= tenant.NextMeetingPurgeTicks;

    /// <summary>
    /// Forgets the meetings nobody is in whose last activity is older than <see cref="EngineOptions.MeetingRetention"/>,
    /// with their ended legs: in the store first (in the tick's batch), then in memory. Usage records are the billing
    /// record and stay. Runs at most once an hour per tenant, inside its tick. Caller holds the tenant lock.
    /// </summary>
    private void PurgeExpiredMeetings(Tenant tenant, long nowTicks)
    {
        if (!MeetingPurgeDue(tenant, nowTicks)) return;
        tenant.NextMeetingPurgeTicks = nowTicks + MeetingPurgeInterval.Ticks;
        var cutoff = new DateTimeOffset(nowTicks, TimeSpan.Zero) - Options.MeetingRetention;
        var busy = tenant.LiveLegs.Select(l => l.MeetingId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var expired = tenant.Meetings.Values.Where(m => LastActivity(m) < cutoff && !m.Present.Any() && !busy.Contains(m.Id)).ToList();
        if (expired.Count == 0) return;

        var ids = expired.Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        _journal.ForgetMeetings(tenant.Id, [.. ids]);
        foreach (var id in ids)
        {
            tenant.Meetings.Remove(id);
            _tenantByMeeting.TryRemove(id, out _);
        }
        foreach (var leg in tenant.Legs.Values.Where(l => !l.IsLive && ids.Contains(l.MeetingId)).ToList())
        {
            tenant.Legs.Remove(leg.Id);
            _tenantByLeg.TryRemove(leg.Id, out _);
        }
    }

    /// <summary>The last thing that happened to a meeting as far as this host saw: its scheduled end, its end, a join or a leave.</summary>
    private static DateTimeOffset LastActivity(Meeting m)
    {
        var last = m.EndedAt is { } ended && ended > m.End ? ended : m.End;
        foreach (var p in m.Participants)
        {
            if (p.JoinedAt > last) last = p.JoinedAt;
            if (p.LeftAt is { } left && left > last) last = left;
        }
        return last;
    }
}
