using System.Security.Cryptography;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Phone;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

/// <summary>
/// Toll-fraud guardrails (beyond Teams, which bills whatever a meeting dials): a monthly dial-out budget per user
/// (minutes and money), checked when a dial-out is authorized and at every minute a leg pays, and a tenant rule that
/// holds dial-outs outside Zone A, or above a rate per minute, for the meeting organizer's approval. Every change and
/// every decision is audited; the settings, the users' own budgets and the approvals are stored.
/// </summary>
public sealed partial class ConferenceEngine
{
    /// <summary>Decided approvals kept in memory per tenant (the store keeps them all); pending ones are always kept.</summary>
    private const int MaxDecidedApprovalsInMemory = 500;

    /// <summary>The tenant's guardrails (off for a tenant this engine does not hold).</summary>
    public TollFraudGuardrails GetGuardrails(string tenantId) =>
        InTenant<TollFraudGuardrails>(tenantId, (tenant, _) => tenant.Guardrails) is { IsSuccess: true } r ? r.Value! : TollFraudGuardrails.Off;

    /// <summary>An admin sets the default budget and the approval rule (audited as <c>guardrails.set</c>).</summary>
    public EngineResult<TollFraudGuardrails> SetGuardrails(string tenantId, string adminId, int? defaultMinutes, decimal? defaultMoney,
        bool approvalOutsideZoneA, decimal? approvalAboveRate, int approvalExpiryMinutes) =>
        AdminAction<TollFraudGuardrails>(tenantId, adminId, "guardrails.set",
            FormattableString.Invariant($"budget {defaultMinutes?.ToString() ?? "-"} min {defaultMoney?.ToString() ?? "-"}; approval zoneA {approvalOutsideZoneA} rate {approvalAboveRate?.ToString() ?? "-"} expiry {approvalExpiryMinutes}"),
            (tenant, _) =>
            {
                if (AsAdmin(tenant, adminId) is { } denied) return denied;
                if (DialOutBudget.Create(defaultMinutes, defaultMoney) is not { } budget) return EngineError.InvalidBudget;
                if (TollFraudGuardrails.Create(budget, approvalOutsideZoneA, approvalAboveRate, approvalExpiryMinutes) is not { } guardrails) return EngineError.InvalidGuardrails;
                _journal.RecordGuardrails(tenant.Id, guardrails);
                tenant.Guardrails = guardrails;
                return guardrails;
            });

    /// <summary>
    /// An admin sets one user's own monthly budget, or with <paramref name="useDefault"/> removes it so the tenant default
    /// applies (audited as <c>guardrails.budget</c>). It applies at once, also to the user's calls in progress.
    /// </summary>
    public EngineResult<UserBudgetStatus> SetUserBudget(string tenantId, string adminId, string userId, int? minutes, decimal? money, bool useDefault = false) =>
        AdminAction<UserBudgetStatus>(tenantId, adminId, "guardrails.budget",
            FormattableString.Invariant($"{userId} {(useDefault ? "default" : $"{minutes?.ToString() ?? "-"} min {money?.ToString() ?? "-"}")}"),
            (tenant, _) =>
            {
                if (AsAdmin(tenant, adminId) is { } denied) return denied;
                var user = FindUser(tenant, userId);
                if (!user.IsSuccess) return user.Error!.Value;
                DialOutBudget? budget = null;
                if (!useDefault && (budget = DialOutBudget.Create(minutes, money)) is null) return EngineError.InvalidBudget;
                _journal.RecordUserBudget(tenant.Id, user.Value!.Id, budget);
                if (budget is null) tenant.UserBudgets.Remove(user.Value.Id);
                else tenant.UserBudgets[user.Value.Id] = budget;
                return BudgetStatus(tenant, user.Value);
            });

    /// <summary>Every user's budget and what this month used of it (admins only).</summary>
    public EngineResult<IReadOnlyList<UserBudgetStatus>> GetBudgets(string tenantId, string adminId) =>
        InTenant<IReadOnlyList<UserBudgetStatus>>(tenantId, (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            return tenant.UsersById.Values.OrderBy(u => u.DisplayName).Select(u => BudgetStatus(tenant, u)).ToList();
        });

    /// <summary>The approvals a user may see: those they asked for and those they are to decide, pending first, then newest.</summary>
    public EngineResult<IReadOnlyList<DialOutApproval>> ListApprovals(string tenantId, string userId) =>
        InTenant<IReadOnlyList<DialOutApproval>>(tenantId, (tenant, raised) =>
        {
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user.Error!.Value;
            ExpireApprovals(tenant, raised);
            return tenant.Approvals.Values
                .Where(a => string.Equals(a.OrganizerId, user.Value!.Id, StringComparison.OrdinalIgnoreCase)
                            || string.Equals(a.RequesterId, user.Value!.Id, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(a => a.IsPending).ThenByDescending(a => a.RequestedAt).Take(50).ToList();
        });

    /// <summary>The organizer approves a held dial-out: the call is placed now, under every normal rule (funding, budget, permission).</summary>
    public EngineResult<DialOutApproval> ApproveDialOut(string tenantId, string organizerId, string approvalId) =>
        DecideApproval(tenantId, organizerId, approvalId, approve: true);

    /// <summary>The organizer denies a held dial-out: nothing is dialed and the requester is told.</summary>
    public EngineResult<DialOutApproval> DenyDialOut(string tenantId, string organizerId, string approvalId) =>
        DecideApproval(tenantId, organizerId, approvalId, approve: false);

    private EngineResult<DialOutApproval> DecideApproval(string tenantId, string organizerId, string approvalId, bool approve) =>
        InTenant<DialOutApproval>(tenantId, (tenant, raised) =>
        {
            if (!tenant.Approvals.TryGetValue(approvalId ?? "", out var approval)) return EngineError.UnknownApproval;
            var action = approve ? "dialout.approval.approve" : "dialout.approval.deny";
            var target = ApprovalTarget(approval);
            EngineResult<DialOutApproval> Refuse(EngineError error)
            {
                Audit(tenant, organizerId, action, target, error.ToString());
                return error;
            }
            if (!string.Equals(approval.OrganizerId, organizerId, StringComparison.OrdinalIgnoreCase)) return Refuse(EngineError.NotMeetingOrganizer);
            if (approval.IsPending && Now >= approval.ExpiresAt) ExpireApprovals(tenant, raised);
            if (tenant.Approvals[approval.Id] is { Status: ApprovalStatus.Expired }) return Refuse(EngineError.ApprovalExpired);
            if (!approval.IsPending) return Refuse(EngineError.ApprovalNotPending);

            var decided = approval with { Status = approve ? ApprovalStatus.Approved : ApprovalStatus.Denied, DecidedAt = Now, DecidedBy = approval.OrganizerId };
            // The requester hears "approved: dialing now" before the call's own news (ringing, connected).
            var placing = new List<EngineEvent>();
            if (approve)
            {
                var placed = tenant.UsersById.TryGetValue(approval.RequesterId, out var requester) && FindMeeting(tenant, approval.MeetingId) is { IsSuccess: true } meeting
                    ? PlaceDialOut(tenant, requester, meeting.Value!, approval.Number, approval.Kind, approved: true, placing)
                    : EngineError.MeetingEnded;
                decided = placed.IsSuccess ? decided with { LegId = placed.Value!.Id } : decided with { CallRefusal = placed.Error };
            }
            Audit(tenant, organizerId, action, target, "ok");
            Decided(tenant, decided, raised);
            raised.AddRange(placing);
            return decided;
        });

    /// <summary>
    /// Why a dial-out that passed every other check must wait for the organizer, or null: the tenant's rule asks for it
    /// (outside Zone A, or priced above the rate). The organizer's own dial-outs never wait: they would approve themselves.
    /// </summary>
    private static ApprovalReason? ApprovalReasonFor(Tenant tenant, User organizer, User caller, PhoneNumber destination)
    {
        if (string.Equals(caller.Id, organizer.Id, StringComparison.OrdinalIgnoreCase)) return null;
        var rules = tenant.Guardrails;
        if (rules.ApprovalOutsideZoneA && !ZoneA.Contains(destination.RegionCode)) return ApprovalReason.OutsideZoneA;
        if (rules.ApprovalAboveRatePerMinute is { } max && tenant.RateFor(destination.RegionCode) > max) return ApprovalReason.AboveRate;
        return null;
    }

    /// <summary>
    /// Holds the dial-out for the organizer (one request per requester, meeting and number while it is pending): stored,
    /// audited, and the organizer told. Caller holds the tenant lock.
    /// </summary>
    private void HoldForApproval(Tenant tenant, Meetings.Meeting m, User organizer, User caller, PhoneNumber destination, CallLegKind kind, ApprovalReason reason, List<EngineEvent> raised)
    {
        if (tenant.Approvals.Values.Any(a => a.IsPending && a.MeetingId == m.Id && a.Kind == kind && a.Number == destination.E164
                && string.Equals(a.RequesterId, caller.Id, StringComparison.OrdinalIgnoreCase)))
            return;
        var approval = new DialOutApproval("apr-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)), tenant.Id, m.Id, caller.Id, caller.DisplayName, organizer.Id, organizer.DisplayName, kind,
            destination.E164, destination.RegionCode, tenant.RateFor(destination.RegionCode), tenant.Currency, reason, Now,
            Now + TimeSpan.FromMinutes(tenant.Guardrails.ApprovalExpiryMinutes));
        _journal.RecordApproval(approval);
        tenant.Approvals[approval.Id] = approval;
        Audit(tenant, caller.Id, "dialout.approval.request", $"{ApprovalTarget(approval)} {reason}", "ok");
        raised.Add(new DialOutApprovalRequested(tenant.Id, Now, approval));
    }

    /// <summary>Expires pending approvals whose time is up: nothing is dialed, the requester is told. Caller holds the tenant lock.</summary>
    private void ExpireApprovals(Tenant tenant, List<EngineEvent> raised)
    {
        if (tenant.Approvals.Count == 0) return;
        foreach (var approval in tenant.Approvals.Values.Where(a => a.IsPending && a.ExpiresAt <= Now).OrderBy(a => a.ExpiresAt).ToList())
        {
            Audit(tenant, SystemActor, "dialout.approval.expire", ApprovalTarget(approval), "ok");
            Decided(tenant, approval with { Status = ApprovalStatus.Expired, DecidedAt = approval.ExpiresAt, DecidedBy = SystemActor }, raised);
        }
    }

    private void Decided(Tenant tenant, DialOutApproval decided, List<EngineEvent> raised)
    {
        _journal.RecordApproval(decided);
        tenant.Approvals[decided.Id] = decided;
        raised.Add(new DialOutApprovalDecided(tenant.Id, Now, decided, EngineMessages.ApprovalDecided(decided, PhoneNumberNormalizer.Display(decided.Number))));
        var old = tenant.Approvals.Values.Where(a => !a.IsPending).OrderByDescending(a => a.RequestedAt).Skip(MaxDecidedApprovalsInMemory).ToList();
        foreach (var a in old) tenant.Approvals.Remove(a.Id);
    }

    private static string ApprovalTarget(DialOutApproval a) => $"{a.Id} meeting {a.MeetingId} {a.Number}";

    private static DialOutBudget BudgetOf(Tenant tenant, string userId) =>
        tenant.UserBudgets.TryGetValue(userId, out var own) ? own : tenant.Guardrails.DefaultBudget;

    private static BudgetSpend SpentBy(Tenant tenant, string userId, DateOnly month) => tenant.BudgetSpent.GetValueOrDefault((userId, month));

    private UserBudgetStatus BudgetStatus(Tenant tenant, User user)
    {
        var month = MonthOf(Now);
        var spent = SpentBy(tenant, user.Id, month);
        return new UserBudgetStatus(user.Id, user.DisplayName, BudgetOf(tenant, user.Id), tenant.UserBudgets.ContainsKey(user.Id), month, spent.Minutes, spent.Money);
    }

    /// <summary>Whether the dialing user's budget has room for one more minute costing <paramref name="charge"/> (dial-in callers have none).</summary>
    private static bool BudgetAllows(Tenant tenant, string? userId, decimal charge, DateTimeOffset minuteStart) =>
        userId is null || BudgetOf(tenant, userId).Allows(SpentBy(tenant, userId, MonthOf(minuteStart)), charge);

    private static bool BudgetAllows(Tenant tenant, CallLeg leg, decimal charge, DateTimeOffset minuteStart) =>
        !leg.IsDialOut || BudgetAllows(tenant, leg.RequestedByUserId, charge, minuteStart);

    /// <summary>Counts a paid dial-out minute against its dialing user's budget. Caller holds the tenant lock.</summary>
    private static void CountBudgetMinute(Tenant tenant, CallLeg leg, decimal charge, DateTimeOffset minuteStart)
    {
        if (!leg.IsDialOut || leg.RequestedByUserId is not { } userId) return;
        var key = (userId, MonthOf(minuteStart));
        tenant.BudgetSpent[key] = tenant.BudgetSpent.GetValueOrDefault(key).Add(1, charge);
    }

    /// <summary>
    /// Whole minutes the dialing user's budget still lets the leg run, the paid minute in progress included (the same
    /// count the cut-off warning and *1 use); int.MaxValue without a limit. Money limits count only while credits pay.
    /// </summary>
    private int BudgetMinutesLeft(Tenant tenant, CallLeg leg)
    {
        if (!leg.IsDialOut || leg.RequestedByUserId is not { } userId) return int.MaxValue;
        var budget = BudgetOf(tenant, userId);
        if (budget.IsUnlimited) return int.MaxValue;
        var spent = SpentBy(tenant, userId, MonthOf(leg.PaidThrough));
        long left = int.MaxValue;
        if (budget.MinutesPerMonth is { } minutes) left = Math.Max(0, minutes - spent.Minutes);
        if (budget.MoneyPerMonth is { } money)
        {
            var next = Funding(tenant, tenant.UsersById[leg.BilledUserId], leg.DestinationRegion, leg.Kind, leg.PaidThrough);
            if (next.Source == FundingSource.Credits && next.Charge > 0)
                left = Math.Min(left, (long)decimal.Floor(Math.Max(0m, money - spent.Money) / next.Charge));
        }
        return (int)Math.Min(int.MaxValue, 1 + left);
    }

    /// <summary>
    /// After a restore: what each user's dial-outs used per month, from the usage records (a record's minutes are its
    /// seconds rounded up, at least one; a segment counts in the month it began) and the live legs' paid segments.
    /// </summary>
    private static void RestoreBudgetSpend(Tenant tenant)
    {
        tenant.BudgetSpent.Clear();
        foreach (var r in tenant.Usage)
        {
            if (r.CallType != Reports.UsageRecord.ConferenceDialOut) continue;
            var key = (r.UserId, MonthOf(r.Start));
            tenant.BudgetSpent[key] = tenant.BudgetSpent.GetValueOrDefault(key).Add(Math.Max(1, (r.DurationSeconds + 59) / 60), r.Charge);
        }
        foreach (var leg in tenant.LiveLegs)
        {
            if (!leg.IsDialOut || leg.RequestedByUserId is not { } userId) continue;
            foreach (var seg in leg.Segments)
            {
                var key = (userId, MonthOf(seg.Start));
                tenant.BudgetSpent[key] = tenant.BudgetSpent.GetValueOrDefault(key).Add(seg.Minutes, seg.Charge);
            }
        }
    }

    /// <summary>Stored settings, budgets and approvals back in the tenant. Caller: <see cref="Restore"/>.</summary>
    private static void RestoreGuardrails(Tenant tenant, Persistence.TenantJournal stored)
    {
        if (stored.Guardrails is { } guardrails) tenant.Guardrails = guardrails;
        foreach (var (userId, budget) in stored.UserBudgets ?? new Dictionary<string, DialOutBudget>())
            if (tenant.UsersById.TryGetValue(userId, out var user)) tenant.UserBudgets[user.Id] = budget;
        foreach (var approval in stored.Approvals ?? []) tenant.Approvals[approval.Id] = approval;
    }
}
