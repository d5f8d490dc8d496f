using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    public EngineResult<User> AssignLicense(string tenantId, string adminId, string userId, LicenseSku sku) =>
        AdminAction<User>(tenantId, adminId, "license.assign", $"{userId} {sku}", (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user;
            if (CheckAssign(tenant, user.Value!, sku) is { } error) return error;
            ChangeUser(tenant, user.Value!, s => s with { Licenses = [.. s.Licenses, sku] });
            return user;
        });

    public EngineResult<User> UnassignLicense(string tenantId, string adminId, string userId, LicenseSku sku) =>
        AdminAction<User>(tenantId, adminId, "license.unassign", $"{userId} {sku}", (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user;
            if (!user.Value!.Licenses.Contains(sku)) return EngineError.LicenseNotAssigned;
            ChangeUser(tenant, user.Value, s => s with { Licenses = s.Licenses.Where(l => l != sku).ToList() });
            return user;
        });

    public EngineResult<User> SetDialOutPermission(string tenantId, string adminId, string userId, DialOutPermission permission) =>
        AdminAction<User>(tenantId, adminId, "dialout.permission", $"{userId} {permission}", (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            if (!Enum.IsDefined(permission)) return EngineError.DestinationNotAllowed;
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user;
            ChangeUser(tenant, user.Value!, s => s with { DialOutPermission = permission });
            return user;
        });

    /// <summary>
    /// Maps a user to the Microsoft Entra object id Teams knows them by, so their Teams chats act as them. An id is
    /// one person's: another user of the tenant holding it is refused rather than silently moved.
    /// </summary>
    public EngineResult<User> SetDirectoryId(string tenantId, string adminId, string userId, string aadObjectId) =>
        AdminAction<User>(tenantId, adminId, "directory.map", $"{userId} {Shorten(aadObjectId)}", (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user;
            if (NormalizeDirectoryId(aadObjectId) is not { } id) return EngineError.InvalidDirectoryId;
            if (tenant.UsersById.Values.Any(u => u != user.Value && u.AadObjectId == id)) return EngineError.DirectoryIdInUse;
            ChangeUser(tenant, user.Value!, s => s with { AadObjectId = id });
            return user;
        });

    /// <summary>The user Teams identifies by <paramref name="aadObjectId"/>; <see cref="EngineError.UnknownUser"/> when nobody is mapped to it.</summary>
    public EngineResult<User> FindByDirectoryId(string tenantId, string? aadObjectId) =>
        InTenant<User>(tenantId, (tenant, _) =>
            NormalizeDirectoryId(aadObjectId) is { } id && tenant.UsersById.Values.FirstOrDefault(u => u.AadObjectId == id) is { } user
                ? user
                : EngineError.UnknownUser);

    /// <summary>An Entra object id in its one stored form (a GUID, lowercase, with hyphens), or null if it is not one.</summary>
    public static string? NormalizeDirectoryId(string? value) =>
        value is { Length: <= 64 } && Guid.TryParse(value.Trim(), out var guid) && guid != Guid.Empty ? guid.ToString("D") : null;

    private static string Shorten(string? value) => value is null ? "" : value.Length > 64 ? value[..64] + "…" : value;

    /// <summary>Adds funds once (Microsoft 365 admin center, Billing &gt; Your products).</summary>
    public EngineResult<decimal> AddFunds(string tenantId, string adminId, decimal amount) =>
        AdminAction<decimal>(tenantId, adminId, "credits.add", amount.ToString(System.Globalization.CultureInfo.InvariantCulture), (tenant, raised) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            if (!CreditAccount.IsValidAmount(amount)) return EngineError.InvalidAmount;
            if (!_payments.TryCharge(tenant.Id, amount, tenant.Currency, "Communications Credits")) return EngineError.PaymentDeclined;
            BuyCredits(tenant, amount, isAutoRecharge: false);
            raised.Add(new CreditsChanged(tenant.Id, Now, tenant.Credits.Balance, "Funds added"));
            return EngineResult<decimal>.Ok(tenant.Credits.Balance);
        });

    public EngineResult<AutoRechargeSettings> SetAutoRecharge(string tenantId, string adminId, bool enabled, decimal threshold, decimal amount) =>
        AdminAction<AutoRechargeSettings>(tenantId, adminId, "credits.autorecharge", FormattableString.Invariant($"{enabled} {threshold} {amount}"), (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            if (enabled && !IsValidAutoRecharge(threshold, amount)) return EngineError.InvalidAmount;
            var settings = enabled ? new AutoRechargeSettings(true, threshold, amount) : AutoRechargeSettings.Off;
            _journal.RecordAutoRecharge(tenant.Id, settings);
            tenant.Credits.SetAutoRecharge(settings);
            return settings;
        });

    public EngineResult<decimal> GetCreditBalance(string tenantId) =>
        InTenant<decimal>(tenantId, (tenant, raised) =>
        {
            ExpireCredits(tenant, raised);
            return tenant.Credits.Balance;
        });

    /// <summary>Sets the organizer's own dial-in PIN (4 to 12 digits).</summary>
    public EngineResult<string> SetOrganizerPin(string tenantId, string userId, string pin) =>
        InTenant<string>(tenantId, (tenant, _) =>
        {
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user.Error!.Value;
            if (pin is null || pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit)) return EngineError.InvalidPin;
            ChangeUser(tenant, user.Value!, s => s with { OrganizerPin = pin });
            return pin;
        });

    /// <summary>"Reset PIN" from the invite: a new random 5-digit PIN.</summary>
    public EngineResult<string> ResetOrganizerPin(string tenantId, string userId) =>
        InTenant<string>(tenantId, (tenant, _) =>
        {
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user.Error!.Value;
            ChangeUser(tenant, user.Value!, s => s with { OrganizerPin = NewPin() });
            return user.Value!.OrganizerPin!;
        });

    /// <summary>The tenant's audit log, newest first (admins only).</summary>
    public EngineResult<IReadOnlyList<Reports.AuditEntry>> GetAuditLog(string tenantId, string adminId, int max = 500) =>
        InTenant<IReadOnlyList<Reports.AuditEntry>>(tenantId, (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            return tenant.Audit.AsEnumerable().Reverse().Take(Math.Clamp(max, 1, 5000)).ToList();
        });

    /// <summary>Seats purchased and assigned per SKU.</summary>
    public EngineResult<IReadOnlyList<SeatCount>> GetSubscriptions(string tenantId) =>
        InTenant<IReadOnlyList<SeatCount>>(tenantId, (tenant, _) =>
            tenant.Seats.OrderBy(s => s.Key).Select(s => new SeatCount(s.Key, s.Value, tenant.AssignedSeats(s.Key))).ToList());

    private static EngineError? AsAdmin(Tenant tenant, string? adminId) =>
        adminId is not null && tenant.UsersById.TryGetValue(adminId, out var admin)
            ? (admin.IsTenantAdmin ? null : EngineError.NotTenantAdmin)
            : EngineError.UnknownUser;

    private static EngineError? CheckAssign(Tenant tenant, User user, LicenseSku sku)
    {
        if (!Enum.IsDefined(sku) || !tenant.Seats.TryGetValue(sku, out var purchased)) return EngineError.NotSubscribed;
        if (user.Licenses.Contains(sku)) return EngineError.LicenseAlreadyAssigned;
        if (tenant.AssignedSeats(sku) >= purchased) return EngineError.NoSeatsLeft;
        return null;
    }

    /// <summary>Seeding only (nothing stored yet): checks and assigns in memory.</summary>
    private static EngineError? Assign(Tenant tenant, User user, LicenseSku sku, DateTimeOffset since)
    {
        if (CheckAssign(tenant, user, sku) is { } error) return error;
        user.AddLicense(sku, since);
        tenant.LicensesChanged();
        return null;
    }

    /// <summary>
    /// Stores the user's next state first and only then applies it, so a store that refuses (database down)
    /// leaves the user exactly as they were.
    /// </summary>
    private void ChangeUser(Tenant tenant, User user, Func<Persistence.UserState, Persistence.UserState> change)
    {
        var next = change(StateOf(user));
        next = next with { LicenseHistory = user.HistoryAfter(next.Licenses, Now) };
        _journal.RecordUser(tenant.Id, next);
        user.Apply(next, Now);
        tenant.LicensesChanged();
    }
}
