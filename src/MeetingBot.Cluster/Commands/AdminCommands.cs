using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Reports;
using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Cluster.Commands;

/// <summary>The tenant with its money as of now: reading the balance first forfeits funds that expired, as every balance read does.</summary>
[GenerateSerializer]
public sealed record GetTenant : TenantCommand<EngineResult<TenantSnapshot>>
{
    public override EngineResult<TenantSnapshot> Run(ConferenceEngine engine, string tenantId)
    {
        var balance = engine.GetCreditBalance(tenantId);
        return balance.IsSuccess ? engine.GetTenant(tenantId).Map(TenantSnapshot.Of) : balance.Error!.Value;
    }
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetUser(string UserId) : ReadCommand<EngineResult<UserSnapshot>>
{
    public override EngineResult<UserSnapshot> Run(ConferenceEngine engine, string tenantId) => engine.GetUser(tenantId, UserId).Map(UserSnapshot.Of);
}

[GenerateSerializer]
public sealed record ListUsers : ReadCommand<IReadOnlyList<UserSnapshot>>
{
    public override IReadOnlyList<UserSnapshot> Run(ConferenceEngine engine, string tenantId) => engine.ListUsers(tenantId).Each(UserSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record AssignLicense(string AdminId, string UserId, LicenseSku Sku) : TenantCommand<EngineResult<UserSnapshot>>
{
    public override EngineResult<UserSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.AssignLicense(tenantId, AdminId, UserId, Sku).Map(UserSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record UnassignLicense(string AdminId, string UserId, LicenseSku Sku) : TenantCommand<EngineResult<UserSnapshot>>
{
    public override EngineResult<UserSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.UnassignLicense(tenantId, AdminId, UserId, Sku).Map(UserSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record SetDialOutPermission(string AdminId, string UserId, DialOutPermission Permission) : TenantCommand<EngineResult<UserSnapshot>>
{
    public override EngineResult<UserSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.SetDialOutPermission(tenantId, AdminId, UserId, Permission).Map(UserSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record SetDirectoryId(string AdminId, string UserId, string AadObjectId) : TenantCommand<EngineResult<UserSnapshot>>
{
    public override EngineResult<UserSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.SetDirectoryId(tenantId, AdminId, UserId, AadObjectId).Map(UserSnapshot.Of);
}

/// <summary>Who a Teams chat is: the user mapped to the Entra object id the channel sent.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record FindUserByDirectoryId(string? AadObjectId) : ReadCommand<EngineResult<UserSnapshot>>
{
    public override EngineResult<UserSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.FindByDirectoryId(tenantId, AadObjectId).Map(UserSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record AddFunds(string AdminId, decimal Amount) : TenantCommand<EngineResult<decimal>>
{
    public override EngineResult<decimal> Run(ConferenceEngine engine, string tenantId) => engine.AddFunds(tenantId, AdminId, Amount);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record SetAutoRecharge(string AdminId, bool Enabled, decimal Threshold, decimal Amount) : TenantCommand<EngineResult<AutoRechargeSettings>>
{
    public override EngineResult<AutoRechargeSettings> Run(ConferenceEngine engine, string tenantId) =>
        engine.SetAutoRecharge(tenantId, AdminId, Enabled, Threshold, Amount);
}

/// <summary>Not a read: reading the balance first forfeits funds that expired (a store write).</summary>
[GenerateSerializer]
public sealed record GetCreditBalance : TenantCommand<EngineResult<decimal>>
{
    public override EngineResult<decimal> Run(ConferenceEngine engine, string tenantId) => engine.GetCreditBalance(tenantId);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record SetOrganizerPin(string UserId, string Pin) : TenantCommand<EngineResult<string>>
{
    public override EngineResult<string> Run(ConferenceEngine engine, string tenantId) => engine.SetOrganizerPin(tenantId, UserId, Pin);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record ResetOrganizerPin(string UserId) : TenantCommand<EngineResult<string>>
{
    public override EngineResult<string> Run(ConferenceEngine engine, string tenantId) => engine.ResetOrganizerPin(tenantId, UserId);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetAuditLog(string AdminId, int Max = 500) : ReadCommand<EngineResult<IReadOnlyList<AuditEntry>>>
{
    public override EngineResult<IReadOnlyList<AuditEntry>> Run(ConferenceEngine engine, string tenantId) => engine.GetAuditLog(tenantId, AdminId, Max);
}

[GenerateSerializer]
public sealed record GetSubscriptions : ReadCommand<EngineResult<IReadOnlyList<SeatCount>>>
{
    public override EngineResult<IReadOnlyList<SeatCount>> Run(ConferenceEngine engine, string tenantId) => engine.GetSubscriptions(tenantId);
}

/// <summary>The tenant's guard for phone legs left up after their user left (Off, Ask, End after N minutes).</summary>
[GenerateSerializer]
public sealed record GetOrphanedLegPolicy : ReadCommand<OrphanedLegPolicy>
{
    public override OrphanedLegPolicy Run(ConferenceEngine engine, string tenantId) => engine.GetOrphanedLegPolicy(tenantId);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record SetOrphanedLegPolicy(string AdminId, OrphanedLegAction Action, int? EndAfterMinutes) : TenantCommand<EngineResult<OrphanedLegPolicy>>
{
    public override EngineResult<OrphanedLegPolicy> Run(ConferenceEngine engine, string tenantId) =>
        engine.SetOrphanedLegPolicy(tenantId, AdminId, Action, EndAfterMinutes);
}
