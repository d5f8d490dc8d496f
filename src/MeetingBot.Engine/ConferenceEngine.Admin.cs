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
            if (Assign(tenant, user.Value!, sku) is { } error) return error;
            JournalUser(tenant, user.Value!);
            return user;
        });

    public EngineResult<User> UnassignLicense(string tenantId, string adminId, string userId, LicenseSku sku) =>
        AdminAction<User>(tenantId, adminId, "license.unassign", $"{userId} {sku}", (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user;
            if (!user.Value!.RemoveLicense(sku)) return EngineError.LicenseNotAssigned;
            tenant.LicensesChanged();
            JournalUser(tenant, user.Value);
            return user;
        });

    public EngineResult<User> SetDialOutPermission(string tenantId, string adminId, string userId, DialOutPermission permission) =>
        AdminAction<User>(tenantId, adminId, "dialout.permission", $"{userId} {permission}", (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            if (!Enum.IsDefined(permission)) return EngineError.DestinationNotAllowed;
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user;
            user.Value!.DialOutPermission = permission;
            JournalUser(tenant, user.Value);
            return user;
        });

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
            tenant.Credits.SetAutoRecharge(settings);
            _journal.RecordAutoRecharge(tenant.Id, settings);
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
            user.Value!.OrganizerPin = pin;
            JournalUser(tenant, user.Value);
            return pin;
        });

    /// <summary>"Reset PIN" from the invite: a new random 5-digit PIN.</summary>
    public EngineResult<string> ResetOrganizerPin(string tenantId, string userId) =>
        InTenant<string>(tenantId, (tenant, _) =>
        {
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user.Error!.Value;
            user.Value!.OrganizerPin = NewPin();
            JournalUser(tenant, user.Value);
            return user.Value.OrganizerPin;
        });

    /// <summary>The tenant's audit log, newest first (admins only).</summary>
    public EngineResult<IReadOnlyList<Reports.AuditEntry>> GetAuditLog(string tenantId, string adminId, int max = 500) =>
        InTenant<IReadOnlyList<Reports.AuditEntry>>(tenantId, (tenant, _) =>
        {
            if (AsAdmin(tenant, adminId) is { } denied) return denied;
            return tenant.Audit.AsEnumerable().Reverse().Take(Math.Clamp(max, 1, 5000)).ToList();
        });

    /// <summary>Seats purchased and assigned per SKU.</summary>
    public EngineResult<IReadOnlyList<(LicenseSku Sku, int Purchased, int Assigned)>> GetSubscriptions(string tenantId) =>
        InTenant<IReadOnlyList<(LicenseSku, int, int)>>(tenantId, (tenant, _) =>
            tenant.Seats.OrderBy(s => s.Key).Select(s => (s.Key, s.Value, tenant.AssignedSeats(s.Key))).ToList());

    private static EngineError? AsAdmin(Tenant tenant, string? adminId) =>
        adminId is not null && tenant.UsersById.TryGetValue(adminId, out var admin)
            ? (admin.IsTenantAdmin ? null : EngineError.NotTenantAdmin)
            : EngineError.UnknownUser;

    private static EngineError? Assign(Tenant tenant, User user, LicenseSku sku)
    {
        if (!Enum.IsDefined(sku) || !tenant.Seats.TryGetValue(sku, out var purchased)) return EngineError.NotSubscribed;
        if (user.Licenses.Contains(sku)) return EngineError.LicenseAlreadyAssigned;
        if (tenant.AssignedSeats(sku) >= purchased) return EngineError.NoSeatsLeft;
        user.AddLicense(sku);
        tenant.LicensesChanged();
        return null;
    }
}
