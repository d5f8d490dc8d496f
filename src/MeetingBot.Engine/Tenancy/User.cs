using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Tenancy;

/// <summary>
/// A person in a tenant. Changed only through its methods (licenses assigned, the stored state applied), which
/// <see cref="ConferenceEngine"/> calls under the tenant's lock after the journal took the change.
/// </summary>
public sealed class User
{
    private readonly HashSet<LicenseSku> _licenses = [];
    private readonly List<LicenseSpan> _history = [];
    private OrganizerFunding? _funding;

    internal User(string id, string displayName, string upn, string country, bool isTenantAdmin,
        DialOutPermission dialOutPermission = default, string? organizerPin = null, string? aadObjectId = null)
    {
        Id = id;
        DisplayName = displayName;
        Upn = upn;
        Country = country.ToUpperInvariant();
        IsTenantAdmin = isTenantAdmin;
        DialOutPermission = dialOutPermission;
        OrganizerPin = organizerPin;
        AadObjectId = aadObjectId;
    }

    public string Id { get; }
    public string DisplayName { get; }
    public string Upn { get; }
    /// <summary>Usage location, ISO 3166 alpha-2.</summary>
    public string Country { get; }
    public bool IsTenantAdmin { get; }
    public DialOutPermission DialOutPermission { get; private set; }
    public string? OrganizerPin { get; private set; }
    /// <summary>The Microsoft Entra object id Teams identifies this person by (lowercase GUID), or null while unmapped.</summary>
    public string? AadObjectId { get; private set; }
    public IReadOnlyCollection<LicenseSku> Licenses => _licenses;
    /// <summary>Every license this user holds or held, with the dates it was assigned and unassigned.</summary>
    public IReadOnlyList<LicenseSpan> LicenseHistory => _history;

    public Capability Capabilities =>
        _licenses.Aggregate(Capability.None, (caps, sku) => caps | SkuCatalog.Get(sku).Capabilities);

    public bool Has(Capability capability) => (Capabilities & capability) == capability;

    /// <summary>What this user's licenses allow an organizer to pay with; asked on every paid minute, so kept until a license changes.</summary>
    public OrganizerFunding Funding => _funding ??= OrganizerFunding.Of(_licenses);

    /// <summary>Assigns <paramref name="sku"/> from <paramref name="at"/>; false when it is assigned already.</summary>
    internal bool AddLicense(LicenseSku sku, DateTimeOffset at)
    {
        if (!_licenses.Add(sku)) return false;
        _funding = null;
        _history.Add(new LicenseSpan(sku, at, null));
        return true;
    }

    /// <summary>
    /// The history after this user's licenses become <paramref name="next"/> at <paramref name="at"/>: spans of licenses
    /// taken away close there, licenses given open a span there. Nothing changes until it is applied with
    /// <see cref="RestoreLicenses"/> (the store is written first).
    /// </summary>
    internal IReadOnlyList<LicenseSpan> HistoryAfter(IReadOnlyCollection<LicenseSku> next, DateTimeOffset at)
    {
        var spans = _history.Select(s => s.To is null && !next.Contains(s.Sku) ? s with { To = at < s.From ? s.From : at } : s).ToList();
        spans.AddRange(next.Where(sku => !_licenses.Contains(sku)).Distinct().Select(sku => new LicenseSpan(sku, at, null)));
        return spans;
    }

    /// <summary>
    /// Becomes <paramref name="stored"/>: licenses with their history (see <see cref="RestoreLicenses"/>), dial-out
    /// permission, PIN and directory id. Used after the journal took a change, and when a tenant is restored.
    /// </summary>
    internal void Apply(Persistence.UserState stored, DateTimeOffset undatedSince)
    {
        RestoreLicenses(stored.Licenses, stored.LicenseHistory, undatedSince);
        DialOutPermission = stored.DialOutPermission;
        OrganizerPin = stored.OrganizerPin;
        AadObjectId = stored.AadObjectId;
    }

    /// <summary>
    /// The stored licenses and their history. A store written before dates were kept (<paramref name="history"/> null)
    /// has no dates: its licenses count as assigned from <paramref name="undatedSince"/>.
    /// </summary>
    internal void RestoreLicenses(IEnumerable<LicenseSku> licenses, IReadOnlyList<LicenseSpan>? history, DateTimeOffset undatedSince)
    {
        _funding = null;
        _licenses.Clear();
        _licenses.UnionWith(licenses);
        _history.Clear();
        if (history is not null) _history.AddRange(history);
        // A license without an open span (history lost or never kept) counts from undatedSince.
        foreach (var sku in _licenses.Where(sku => !_history.Any(s => s.Sku == sku && s.To is null)).ToList())
            _history.Add(new LicenseSpan(sku, undatedSince, null));
        // A span left open for a license no longer held is closed where it began (it was never seen held).
        for (var i = 0; i < _history.Count; i++)
            if (_history[i].To is null && !_licenses.Contains(_history[i].Sku)) _history[i] = _history[i] with { To = _history[i].From };
    }
}
