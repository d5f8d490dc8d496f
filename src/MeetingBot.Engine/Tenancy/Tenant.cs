using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Reports;

namespace MeetingBot.Engine.Tenancy;

/// <summary>
/// A tenant and everything it owns. All mutation happens inside <see cref="ConferenceEngine"/> while holding
/// <see cref="Sync"/>, which is what makes pooled minutes and credits impossible to overdraw.
/// </summary>
public sealed class Tenant
{
    internal readonly Dictionary<string, User> UsersById = new(StringComparer.OrdinalIgnoreCase);
    internal readonly Dictionary<LicenseSku, int> Seats = [];
    internal readonly Dictionary<string, Meeting> Meetings = new(StringComparer.OrdinalIgnoreCase);
    internal readonly Dictionary<string, CallLeg> Legs = new(StringComparer.OrdinalIgnoreCase);
    internal readonly HashSet<CallLeg> LiveLegs = [];
    /// <summary>Live legs by the instant they next need the engine (answer, next minute, reminder); stale entries are skipped.</summary>
    internal readonly PriorityQueue<CallLeg, long> Due = new();
    private readonly Dictionary<(DateOnly, Capability), int> _poolSizeCache = [];
    internal readonly List<UsageRecord> Usage = [];
    internal readonly List<AuditEntry> Audit = [];
    internal readonly Dictionary<(DateOnly Month, Capability Capability), int> MinutesUsed = [];
    /// <summary>Pooled dial-out minutes by the UTC day each began (the forecast's chart); counted as they are paid, rebuilt from usage on restore.</summary>
    internal readonly Dictionary<DateOnly, int> PoolMinutesOnDay = [];
    internal readonly HashSet<(DateOnly Month, int Threshold)> WarningsSent = [];
    /// <summary>Purchases whose admins were told their funds expire soon (rebuilt from the audit log on restore).</summary>
    internal readonly HashSet<Guid> ExpiryNoticesSent = [];
    internal readonly Dictionary<string, Queue<DateTimeOffset>> DialOutTimesByUser = new(StringComparer.OrdinalIgnoreCase);
    internal readonly Queue<DateTimeOffset> DialOutTimes = new();
    /// <summary>The toll-fraud guardrails: the default budget and the approval rule (off until an admin sets them).</summary>
    internal TollFraudGuardrails Guardrails = TollFraudGuardrails.Off;
    /// <summary>Users' own dial-out budgets, set by admins; the others have the default.</summary>
    internal readonly Dictionary<string, DialOutBudget> UserBudgets = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>What each user's dial-outs used per billing month; counted as minutes are paid, rebuilt from usage on restore.</summary>
    internal readonly Dictionary<(string UserId, DateOnly Month), BudgetSpend> BudgetSpent = [];
    /// <summary>Dial-outs held for the organizer's approval, pending and recently decided, by id.</summary>
    internal readonly Dictionary<string, DialOutApproval> Approvals = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>When the tick next looks for meetings past their retention (UTC ticks; 0: at the first tick).</summary>
    internal long NextMeetingPurgeTicks;

    internal Tenant(string id, string name, string country, string currency, ConferenceBridge bridge, IReadOnlyDictionary<string, decimal> rates)
    {
        Id = id;
        Name = name;
        Country = country.ToUpperInvariant();
        Currency = currency;
        Bridge = bridge;
        RatesPerMinute = rates;
    }

    internal object Sync { get; } = new();
    public string Id { get; }
    public string Name { get; }
    public string Country { get; }
    public string Currency { get; }
    public ConferenceBridge Bridge { get; }
    public IReadOnlyDictionary<string, decimal> RatesPerMinute { get; }
    public CreditAccount Credits { get; } = new();

    internal int AssignedSeats(LicenseSku sku) => UsersById.Values.Count(u => u.Licenses.Contains(sku));

    /// <summary>Call after any license assignment changes: pool sizes depend on assigned seats.</summary>
    internal void LicensesChanged() => _poolSizeCache.Clear();

    /// <summary>A month's pool size; the one rule metering and the minute-pools report share (see <see cref="ComputePoolMinutes"/>).</summary>
    internal int PoolMinutes(DateOnly month, Capability capability)
    {
        if (_poolSizeCache.TryGetValue((month, capability), out var cached)) return cached;
        return _poolSizeCache[(month, capability)] = ComputePoolMinutes(month, capability);
    }

    /// <summary>
    /// Minutes per license × the most licenses that add to this pool held at one time during the month, from the
    /// users' dated assignments: a license assigned during the month adds its minutes at once, and taking it away
    /// later does not take back minutes the month has already granted. So a past month keeps the size it had, and a
    /// license moved from one person to another never shrinks the pool under a live call.
    /// </summary>
    private int ComputePoolMinutes(DateOnly month, Capability capability)
    {
        var start = new DateTimeOffset(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = start.AddMonths(1);
        var changes = new List<(DateTimeOffset At, int Delta)>();
        foreach (var span in UsersById.Values.SelectMany(u => u.LicenseHistory))
        {
            if (!AddsTo(span.Sku, capability) || !span.Overlaps(start, end)) continue;
            changes.Add((span.From < start ? start : span.From, +1));
            if (span.To is { } to && to < end) changes.Add((to, -1));
        }
        // At one instant, a license taken away is counted before one given: a license moved between two people is one license.
        changes.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Delta.CompareTo(b.Delta));
        int held = 0, most = 0;
        foreach (var (_, delta) in changes) most = Math.Max(most, held += delta);

        var perLicense = capability switch
        {
            Capability.MCOMEETADD => PoolRules.MinutesPerLicense(month),
            // Calling plans pool their users' domestic minutes (3,000 a user a month in the US). They appear in the
            // report as Teams shows them; this product places no personal PSTN calls, so nothing draws on them.
            Capability.MCOPSTN1 => 3000,
            Capability.MCOPSTN2 => 3000,
            _ => 0,
        };
        return checked(most * perLicense);
    }

    /// <summary>Whether a license of <paramref name="sku"/> adds minutes to the <paramref name="capability"/> pool (pay-per-minute Audio Conferencing does not).</summary>
    private static bool AddsTo(LicenseSku sku, Capability capability)
    {
        var info = SkuCatalog.Get(sku);
        return (info.Capabilities & capability) == capability && (capability != Capability.MCOMEETADD || info.AddsPooledDialOutMinutes);
    }

    internal int Used(DateOnly month, Capability capability) => MinutesUsed.GetValueOrDefault((month, capability));

    internal decimal RateFor(string region) =>
        RatesPerMinute.TryGetValue(region, out var rate) ? rate : RatesPerMinute.GetValueOrDefault("Default", 0.24m);
}
