using System.Collections.Concurrent;
using System.Security.Cryptography;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Persistence;
using MeetingBot.Engine.Seeding;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

/// <summary>
/// The conference engine: the single entry point for every state change. Each tenant's state is guarded by
/// its own lock; events are published after the lock is released, in the order they happened.
/// </summary>
public sealed partial class ConferenceEngine
{
    private readonly ConcurrentDictionary<string, Tenant> _tenants = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _tenantByMeeting = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _tenantByLeg = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _tenantByBridgeNumber = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly IEngineEvents _events;
    private readonly IPaymentGateway _payments;
    private readonly IEngineJournal _journal;
    private readonly int[] _poolThresholds;
    private const int MaxAuditEntriesInMemory = 10_000;
    private long _meetingCounter;

    public ConferenceEngine(EngineOptions options, TimeProvider time, IEngineEvents? events = null, IPaymentGateway? payments = null, IEngineJournal? journal = null)
    {
        options.Validate();
        Options = options;
        _poolThresholds = options.PoolWarningThresholdsPercent.Distinct().Order().ToArray();
        _time = time;
        _events = events ?? NullEngineEvents.Instance;
        _payments = payments ?? new AlwaysApprovePaymentGateway();
        _journal = journal ?? NullEngineJournal.Instance;
    }

    public EngineOptions Options { get; }

    private DateTimeOffset Now => t_instant ?? _time.GetUtcNow();

    /// <summary>
    /// While a tick works through its due queue, the instant the item was due: a clock that jumped (the demo's fast
    /// forward, or a host that stalled) then pays, reminds, ends and reports each thing when it happened, not when the
    /// tick ran. Set and cleared around one synchronous step under the tenant's lock.
    /// </summary>
    [ThreadStatic] private static DateTimeOffset? t_instant;

    public IReadOnlyCollection<Tenant> Tenants => _tenants.Values.ToList();

    /// <summary>Creates a tenant from its description. Fails loudly on bad seed data: it is configuration, checked at start-up.</summary>
    public Tenant AddTenant(TenantSeed seed)
    {
        if (string.IsNullOrWhiteSpace(seed.Id)) throw new ArgumentException("A tenant needs an id.", nameof(seed));
        var bridge = BridgeOf(seed);
        var rates = new Dictionary<string, decimal>(seed.RatesPerMinute, StringComparer.OrdinalIgnoreCase);
        if (rates.Values.Any(r => r < 0)) throw new ArgumentException($"Tenant {seed.Id}: rates must not be negative.", nameof(seed));
        var tenant = new Tenant(seed.Id, seed.Name, seed.Country, seed.Currency, bridge, rates);

        foreach (var sub in seed.Subscriptions)
        {
            if (!SkuCatalog.TryParse(sub.Sku, out var sku)) throw new ArgumentException($"Tenant {seed.Id}: unknown SKU '{sub.Sku}'.", nameof(seed));
            if (sub.Seats < 0) throw new ArgumentException($"Tenant {seed.Id}: seats must not be negative.", nameof(seed));
            tenant.Seats[sku] = sub.Seats;
        }
        var assignedSince = seed.LicensesAssignedSince is { } since && since < Now ? since : Now;
        foreach (var u in seed.Users)
        {
            if (string.IsNullOrWhiteSpace(u.Id) || tenant.UsersById.ContainsKey(u.Id)) throw new ArgumentException($"Tenant {seed.Id}: user id '{u.Id}' is empty or repeated.", nameof(seed));
            var user = new User(u.Id, u.DisplayName, u.Upn, u.Country, u.IsTenantAdmin,
                dialOutPermission: Enum.TryParse<DialOutPermission>(u.DialOut, true, out var p) ? p
                    : throw new ArgumentException($"Tenant {seed.Id}: user {u.Id} has unknown dial-out permission '{u.DialOut}'.", nameof(seed)),
                organizerPin: NewPin(),
                aadObjectId: u.AadObjectId is null ? null
                    : NormalizeDirectoryId(u.AadObjectId) ?? throw new ArgumentException($"Tenant {seed.Id}: user {u.Id} has an AadObjectId that is not a GUID.", nameof(seed)));
            tenant.UsersById[u.Id] = user;
            foreach (var name in u.Licenses)
            {
                if (!SkuCatalog.TryParse(name, out var sku)) throw new ArgumentException($"Tenant {seed.Id}: unknown SKU '{name}' for {u.Id}.", nameof(seed));
                var error = Assign(tenant, user, sku, assignedSince);
                if (error is not null) throw new ArgumentException($"Tenant {seed.Id}: cannot assign {name} to {u.Id}: {EngineMessages.For(error.Value)}", nameof(seed));
            }
        }
        var ar = seed.Credits.AutoRecharge;
        if (ar.Enabled && !IsValidAutoRecharge(ar.Threshold, ar.Amount)) throw new ArgumentException($"Tenant {seed.Id}: invalid auto-recharge settings.", nameof(seed));

        var stored = _journal.Load(tenant.Id);
        if (stored is null)
        {
            // First start against this store: the seed becomes the stored state.
            foreach (var user in tenant.UsersById.Values) JournalUser(tenant, user);
            if (seed.Credits.InitialFunds > 0) BuyCredits(tenant, seed.Credits.InitialFunds, isAutoRecharge: false);
            tenant.Credits.SetAutoRecharge(new AutoRechargeSettings(ar.Enabled, ar.Threshold, ar.Amount));
            _journal.RecordAutoRecharge(tenant.Id, tenant.Credits.AutoRecharge);
        }
        else
        {
            Restore(tenant, stored);
        }

        var cutOffWarnings = CutOffWarningMinutesOf(seed);
        var orphanedLegPolicy = OrphanedLegPolicyOf(seed);
        if (!_tenants.TryAdd(tenant.Id, tenant)) throw new ArgumentException($"Tenant {seed.Id} exists already.", nameof(seed));
        _cutOffWarningMinutes[tenant.Id] = cutOffWarnings;
        // An admin's change outlives a restart; until there is one, the seed's policy applies.
        _orphanedLegPolicies[tenant.Id] = stored?.OrphanedLegPolicy ?? orphanedLegPolicy;
        foreach (var number in BridgeNumbers(bridge)) _tenantByBridgeNumber[number] = tenant.Id;
        return tenant;
    }

    /// <summary>The tenant's bridge from its seed, numbers in E.164. Fails loudly on bad seed data.</summary>
    public static ConferenceBridge BridgeOf(TenantSeed seed)
    {
        var toll = Phone.PhoneNumberNormalizer.Normalize(seed.Bridge.TollNumber, seed.Country);
        if (!toll.IsSuccess) throw new ArgumentException($"Tenant {seed.Id}: bridge toll number '{seed.Bridge.TollNumber}' is invalid.", nameof(seed));
        string? tollFree = null;
        if (!string.IsNullOrWhiteSpace(seed.Bridge.TollFreeNumber))
        {
            var tf = Phone.PhoneNumberNormalizer.Normalize(seed.Bridge.TollFreeNumber, seed.Country);
            tollFree = tf.IsSuccess ? tf.Value!.E164 : throw new ArgumentException($"Tenant {seed.Id}: toll-free number is invalid.", nameof(seed));
        }
        return new ConferenceBridge(toll.Value!.E164, tollFree,
            seed.Bridge.LocalNumbers.Select(n => new LocalDialInNumber(n.Country, n.City, n.Number)).ToList());
    }

    /// <summary>Every number that reaches a bridge (toll, toll-free, local), in E.164: what <see cref="BridgeKey"/> looks up.</summary>
    public static IEnumerable<string> BridgeNumbers(ConferenceBridge bridge)
    {
        yield return bridge.TollNumber;
        if (bridge.TollFreeNumber is not null) yield return bridge.TollFreeNumber;
        foreach (var local in bridge.LocalNumbers)
        {
            var n = Phone.PhoneNumberNormalizer.Normalize(local.Number, local.Country);
            if (n.IsSuccess) yield return n.Value!.E164;
        }
    }

    /// <summary>
    /// A dialed number as bridges are keyed (E.164). Numbers typed without a country code are read as US numbers,
    /// the home of the demo bridges; a caller abroad dials the full international form.
    /// </summary>
    public static EngineResult<string> BridgeKey(string dialedNumber)
    {
        var dialed = Phone.PhoneNumberNormalizer.Normalize(dialedNumber, DialInDefaultRegion);
        return dialed.IsSuccess ? dialed.Value!.E164 : dialed.Error!.Value;
    }

    private const string DialInDefaultRegion = "US";

    public EngineResult<Tenant> GetTenant(string tenantId) =>
        _tenants.TryGetValue(tenantId, out var t) ? EngineResult<Tenant>.Ok(t) : EngineError.UnknownTenant;

    public EngineResult<User> GetUser(string tenantId, string userId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant)) return EngineError.UnknownTenant;
        lock (tenant.Sync)
            return tenant.UsersById.TryGetValue(userId ?? "", out var u) ? EngineResult<User>.Ok(u) : EngineError.UnknownUser;
    }

    public IReadOnlyList<User> ListUsers(string tenantId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant)) return [];
        lock (tenant.Sync) return tenant.UsersById.Values.OrderBy(u => u.DisplayName).ToList();
    }

    /// <summary>Runs <paramref name="action"/> under the tenant's lock, then publishes the events it raised.</summary>
    private EngineResult<T> InTenant<T>(string tenantId, Func<Tenant, List<EngineEvent>, EngineResult<T>> action)
    {
        if (!_tenants.TryGetValue(tenantId ?? "", out var tenant)) return EngineError.UnknownTenant;
        var raised = new List<EngineEvent>();
        EngineResult<T> result;
        lock (tenant.Sync) result = action(tenant, raised);
        foreach (var e in raised) _events.Publish(e);
        return result;
    }

    private static EngineResult<User> FindUser(Tenant tenant, string? userId) =>
        userId is not null && tenant.UsersById.TryGetValue(userId, out var u) ? EngineResult<User>.Ok(u) : EngineError.UnknownUser;

    private void JournalUser(Tenant tenant, User user) => _journal.RecordUser(tenant.Id, StateOf(user));

    private static UserState StateOf(User user) =>
        new(user.Id, user.Licenses.ToList(), user.DialOutPermission, user.OrganizerPin, user.AadObjectId, user.LicenseHistory.ToList());

    private void JournalMeeting(Meeting m) =>
        _journal.RecordMeeting(new MeetingState(m.Id, m.TenantId, m.OrganizerId, m.Subject, m.Start, m.End, m.ConferenceId, m.Lobby.Bypass, m.Lobby.DialInCallersBypass, m.EndedAt));

    private void JournalLeg(CallLeg l) =>
        _journal.RecordLeg(new LegState(l.Id, l.TenantId, l.MeetingId, l.ParticipantId, l.Kind, l.RequestedByUserId, l.BilledUserId,
            l.FromNumber, l.ToNumber, l.DestinationRegion, l.State, l.CreatedAt, l.ConnectedAt, l.EndedAt, l.MinutesPaid,
            l.Segments.Select(s => new SegmentState(s.Capability, s.Start, s.Minutes, s.Charge)).ToList()));

    /// <summary>Stores the purchase first, then adds it: a store that refuses leaves the balance as it was.</summary>
    private CreditPurchase BuyCredits(Tenant tenant, decimal amount, bool isAutoRecharge)
    {
        var (purchase, transaction) = tenant.Credits.PreparePurchase(amount, Now, isAutoRecharge);
        _journal.RecordPurchase(tenant.Id, CreditAccount.ToState(purchase), transaction);
        tenant.Credits.Commit(purchase, transaction);
        return purchase;
    }

    /// <summary>Runs an admin command and writes its outcome to the audit log, success or refusal.</summary>
    private EngineResult<T> AdminAction<T>(string tenantId, string adminId, string action, string target, Func<Tenant, List<EngineEvent>, EngineResult<T>> command) =>
        InTenant<T>(tenantId, (tenant, raised) =>
        {
            var result = command(tenant, raised);
            Audit(tenant, adminId, action, target, result.Error?.ToString() ?? "ok");
            return result;
        });

    private void Audit(Tenant tenant, string? actorId, string action, string target, string outcome)
    {
        var entry = new Reports.AuditEntry(Now, tenant.Id, actorId ?? "", action, target, outcome);
        // Memory keeps the recent tail for the admin view; the journal keeps everything.
        if (tenant.Audit.Count >= MaxAuditEntriesInMemory) tenant.Audit.RemoveRange(0, MaxAuditEntriesInMemory / 10);
        tenant.Audit.Add(entry);
        _journal.RecordAudit(entry);
    }

    private static string NewPin() => RandomNumberGenerator.GetInt32(0, 100_000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsValidAutoRecharge(decimal threshold, decimal amount) =>
        CreditAccount.IsValidAmount(amount) && threshold >= 0 && threshold <= CreditAccount.MaxPurchase && decimal.Round(threshold, 2) == threshold;

    private string NextMeetingId()
    {
        var number = _journal.NextMeetingNumber() is { } stored
            ? InterlockedMaxReturning(ref _meetingCounter, stored)
            : Interlocked.Increment(ref _meetingCounter);
        return number.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static long InterlockedMaxReturning(ref long target, long value)
    {
        InterlockedMax(ref target, value);
        return value;
    }
    /// <summary>Random, so hosts sharing a database and restarted hosts never reuse a leg id.</summary>
    private static string NextLegId() => "leg-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
