using System.Collections.Concurrent;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Seeding;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>The thresholds when a tenant's seed names none: warn at 5 minutes left, then at 1.</summary>
    public static readonly IReadOnlyList<int> DefaultCutOffWarningMinutes = [5, 1];

    /// <summary>
    /// Each tenant's cut-off warning thresholds in minutes, largest first, from its seed (<c>DemoTenant:CutOffWarningMinutes</c>).
    /// Kept beside the tenant, not in it: the tenant's stored state has no column for them (no migration), and the seed
    /// is read again on every start.
    /// </summary>
    private readonly ConcurrentDictionary<string, int[]> _cutOffWarningMinutes = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The tenant's thresholds, checked: 1 to 60 minutes each, repeats ignored, largest first. Empty: no warnings.</summary>
    private static int[] CutOffWarningMinutesOf(TenantSeed seed)
    {
        var minutes = seed.CutOffWarningMinutes ?? [.. DefaultCutOffWarningMinutes];
        if (minutes.Any(m => m is < 1 or > 60))
            throw new ArgumentException($"Tenant {seed.Id}: CutOffWarningMinutes are minutes from 1 to 60.", nameof(seed));
        return minutes.Distinct().OrderDescending().ToArray();
    }

    /// <summary>The cut-off warning thresholds in force for a tenant, largest first.</summary>
    public IReadOnlyList<int> CutOffWarningMinutes(string tenantId) => _cutOffWarningMinutes.GetValueOrDefault(tenantId ?? "", []);

    /// <summary>
    /// After a leg paid a minute: if what can still pay for it covers fewer minutes than a threshold it has not been
    /// warned at, the phone hears a prompt and the dialing user and the organizer are told. When one payment crosses
    /// several thresholds (a second call began sharing the pool), one warning is given, for the lowest. Caller holds
    /// the tenant lock.
    /// </summary>
    private void WarnBeforeCutOff(Tenant tenant, CallLeg leg, List<EngineEvent> raised)
    {
        if (!_cutOffWarningMinutes.TryGetValue(tenant.Id, out var thresholds)) return;
        var highestUnwarned = 0;
        foreach (var t in thresholds)
            if (leg.CutOffWarnedAt == 0 || t < leg.CutOffWarnedAt) { highestUnwarned = t; break; }
        if (highestUnwarned == 0) return;

        var budgetLeft = BudgetMinutesLeft(tenant, leg);
        var minutesLeft = Math.Min(FundsMinutesLeft(tenant, leg, highestUnwarned), budgetLeft);
        if (minutesLeft > highestUnwarned) return;
        var crossed = thresholds.Where(t => t >= minutesLeft && (leg.CutOffWarnedAt == 0 || t < leg.CutOffWarnedAt)).Min();
        leg.WarnedAt(crossed);
        var prompt = budgetLeft <= minutesLeft ? EngineMessages.BudgetCutOffWarning(minutesLeft) : EngineMessages.CutOffWarning(minutesLeft);
        leg.PlayPrompt(Now, prompt);
        raised.Add(new CutOffWarning(tenant.Id, Now, leg.MeetingId, leg.Id, leg.ToNumber, leg.RequestedByUserId, leg.BilledUserId,
            crossed, minutesLeft, prompt));
    }

    /// <summary>
    /// Whole minutes the leg can still run, the paid minute in progress included: 1 + the later minutes the funding
    /// policy would pay. The pool's minutes left are shared by the tenant's connected legs that draw on it, and the
    /// credits (with one auto-recharge when it is on) by those that may spend them. Answers anything above
    /// <paramref name="enough"/> as soon as it knows, so a tenant with ample funds pays for no scan of its calls.
    /// </summary>
    private int MinutesLeft(Tenant tenant, CallLeg leg, int enough) => Math.Min(FundsMinutesLeft(tenant, leg, enough), BudgetMinutesLeft(tenant, leg));

    /// <summary>What the pool and the credits alone leave for the leg (see <see cref="MinutesLeft"/>).</summary>
    private int FundsMinutesLeft(Tenant tenant, CallLeg leg, int enough)
    {
        var minuteStart = leg.PaidThrough;
        var organizer = tenant.UsersById[leg.BilledUserId];
        var next = Funding(tenant, organizer, leg.DestinationRegion, leg.Kind, minuteStart);
        if (next.Source == FundingSource.IncludedInLicense) return int.MaxValue;
        if (!next.IsFunded) return 1;

        var (drawsOnPool, spendsCredits, rate) = Draws(tenant, leg, minuteStart);
        if (spendsCredits && rate == 0) return int.MaxValue;
        var month = MonthOf(minuteStart);
        long poolLeft = Math.Max(0, tenant.PoolMinutes(month, Capability.MCOMEETADD) - tenant.Used(month, Capability.MCOMEETADD));
        var credits = tenant.Credits;
        var spendable = credits.Balance + (credits.AutoRecharge.Enabled ? credits.AutoRecharge.Amount : 0m);
        long creditMinutes = spendsCredits ? (long)decimal.Floor(spendable / rate) : 0;

        // Every live leg at most shares with this one: if even that share is enough, no scan is needed.
        long everyone = Math.Max(1, tenant.LiveLegs.Count);
        if (Left(poolLeft, drawsOnPool ? everyone : 1, creditMinutes, spendsCredits ? everyone : 1, drawsOnPool) > enough) return enough + 1;

        var (poolLegs, creditLegs) = Sharers(tenant, minuteStart);
        return (int)Math.Min(int.MaxValue, Left(poolLeft, Math.Max(1, poolLegs), creditMinutes, Math.Max(1, creditLegs), drawsOnPool));

        static long Left(long pool, long poolSharers, long credit, long creditSharers, bool usesPool) =>
            1 + (usesPool ? pool / poolSharers : 0) + credit / creditSharers;
    }

    /// <summary>
    /// How many connected legs draw on the pool and may spend credits. When funds run low under many calls, every paid
    /// minute asks; one count serves a tenant for a second while its set of live legs is the same size, so a tick of
    /// thousands of legs counts once, not once per leg. A forecast may be a second behind a license change.
    /// </summary>
    private (long PoolLegs, long CreditLegs) Sharers(Tenant tenant, DateTimeOffset minuteStart)
    {
        var now = Now.UtcTicks;
        if (_sharers.TryGetValue(tenant.Id, out var known) && known.LiveLegs == tenant.LiveLegs.Count
            && Math.Abs(now - known.AtTicks) < TimeSpan.TicksPerSecond)
            return (known.PoolLegs, known.CreditLegs);
        long poolLegs = 0, creditLegs = 0;
        foreach (var other in tenant.LiveLegs)
        {
            if (other.State != CallLegState.Connected) continue;
            var (pool, spends, _) = Draws(tenant, other, minuteStart);
            if (pool) poolLegs++;
            if (spends) creditLegs++;
        }
        _sharers[tenant.Id] = new SharerCount(now, tenant.LiveLegs.Count, poolLegs, creditLegs);
        return (poolLegs, creditLegs);
    }

    private readonly ConcurrentDictionary<string, SharerCount> _sharers = new(StringComparer.OrdinalIgnoreCase);

    private readonly record struct SharerCount(long AtTicks, int LiveLegs, long PoolLegs, long CreditLegs);

    /// <summary>
    /// Whether a leg's minutes may come from the pool and from credits, asked of the funding policy with a pool of one
    /// minute and then a balance of one minute's price: its rules (zone, licenses, kind) stay in one place.
    /// </summary>
    private (bool DrawsOnPool, bool SpendsCredits, decimal Rate) Draws(Tenant tenant, CallLeg leg, DateTimeOffset minuteStart)
    {
        var organizer = tenant.UsersById[leg.BilledUserId];
        var rate = RateFor(tenant, leg.DestinationRegion, leg.Kind);
        var pool = FundingPolicy.Decide(new FundingQuestion(leg.Kind, leg.DestinationRegion, organizer.Funding, 1, 0m, AutoRechargeSettings.Off, rate));
        var credits = FundingPolicy.Decide(new FundingQuestion(leg.Kind, leg.DestinationRegion, organizer.Funding, 0, rate, AutoRechargeSettings.Off, rate));
        return (pool.Source == FundingSource.Pool, credits.Source == FundingSource.Credits, rate);
    }
}
