using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Reports;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    private static readonly (Capability Capability, string Description)[] PoolCapabilities =
    [
        (Capability.MCOMEETADD, "Audio Conferencing dial-out (Zone A)"),
        (Capability.MCOPSTN1, "Domestic calling plan"),
        (Capability.MCOPSTN2, "Domestic and international calling plan"),
    ];

    /// <summary>
    /// "PSTN minute pools": per capability, minutes available and used, for the current month and the
    /// <paramref name="monthsOfHistory"/> months before it (Teams shows the current month only).
    /// </summary>
    public EngineResult<IReadOnlyList<MinutePoolRow>> GetMinutePoolsReport(string tenantId, string adminId, int monthsOfHistory = 0) =>
        InTenant<IReadOnlyList<MinutePoolRow>>(tenantId, (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            if (monthsOfHistory is < 0 or > 24) return EngineError.InvalidMonthsOfHistory;
            var current = MonthOf(Now);
            var rows = new List<MinutePoolRow>();
            for (var i = 0; i <= monthsOfHistory; i++)
            {
                var month = current.AddMonths(-i);
                rows.AddRange(PoolCapabilities.Select(p => new MinutePoolRow(month, p.Capability, p.Description,
                    tenant.PoolMinutes(month, p.Capability), tenant.Used(month, p.Capability))));
            }
            return rows;
        });

    /// <summary>"PSTN and SMS usage": records whose start lies in [from, to), optionally for one user and one call type.</summary>
    public EngineResult<IReadOnlyList<UsageRecord>> GetUsageReport(string tenantId, string adminId, DateTimeOffset from, DateTimeOffset to, string? userId = null, string? callType = null) =>
        InTenant<IReadOnlyList<UsageRecord>>(tenantId, (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            if (to <= from || to - from > TimeSpan.FromDays(366)) return EngineError.InvalidDateRange;
            if (userId is not null && !tenant.UsersById.ContainsKey(userId)) return EngineError.UnknownUser;
            if (callType is not null && callType is not (UsageRecord.ConferenceDialOut or UsageRecord.ConferenceDialIn)) return EngineError.InvalidCallType;
            return tenant.Usage
                .Where(r => r.Start >= from && r.Start < to && (userId is null || string.Equals(r.UserId, userId, StringComparison.OrdinalIgnoreCase))
                            && (callType is null || r.CallType == callType))
                .OrderBy(r => r.Start).ToList();
        });

    /// <summary>Every usage record of a tenant (for stores and exports; not an admin-facing call).</summary>
    public IReadOnlyList<UsageRecord> AllUsage(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant)) return [];
        lock (tenant.Sync) return tenant.Usage.ToList();
    }
}
