using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Cluster.Commands;

/// <summary>The tenant's toll-fraud guardrails: the default monthly dial-out budget and the approval rule.</summary>
[GenerateSerializer]
public sealed record GetGuardrails : ReadCommand<TollFraudGuardrails>
{
    public override TollFraudGuardrails Run(ConferenceEngine engine, string tenantId) => engine.GetGuardrails(tenantId);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record SetGuardrails(string AdminId, int? DefaultMinutes, decimal? DefaultMoney, bool ApprovalOutsideZoneA, decimal? ApprovalAboveRate, int ApprovalExpiryMinutes)
    : TenantCommand<EngineResult<TollFraudGuardrails>>
{
    public override EngineResult<TollFraudGuardrails> Run(ConferenceEngine engine, string tenantId) =>
        engine.SetGuardrails(tenantId, AdminId, DefaultMinutes, DefaultMoney, ApprovalOutsideZoneA, ApprovalAboveRate, ApprovalExpiryMinutes);
}

/// <summary>One user's own monthly budget; <see cref="UseDefault"/> removes it so the tenant default applies.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record SetUserBudget(string AdminId, string UserId, int? Minutes, decimal? Money, bool UseDefault = false) : TenantCommand<EngineResult<UserBudgetStatus>>
{
    public override EngineResult<UserBudgetStatus> Run(ConferenceEngine engine, string tenantId) =>
        engine.SetUserBudget(tenantId, AdminId, UserId, Minutes, Money, UseDefault);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetBudgets(string AdminId) : ReadCommand<EngineResult<IReadOnlyList<UserBudgetStatus>>>
{
    public override EngineResult<IReadOnlyList<UserBudgetStatus>> Run(ConferenceEngine engine, string tenantId) => engine.GetBudgets(tenantId, AdminId);
}

/// <summary>Not a read: approvals whose time is up are expired (and stored) first.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record ListApprovals(string UserId) : TenantCommand<EngineResult<IReadOnlyList<DialOutApproval>>>
{
    public override EngineResult<IReadOnlyList<DialOutApproval>> Run(ConferenceEngine engine, string tenantId) => engine.ListApprovals(tenantId, UserId);
}

/// <summary>The organizer approves (the call is placed) or denies a dial-out held for approval.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record DecideApproval(string UserId, string ApprovalId, bool Approve) : TenantCommand<EngineResult<DialOutApproval>>
{
    public override EngineResult<DialOutApproval> Run(ConferenceEngine engine, string tenantId) =>
        Approve ? engine.ApproveDialOut(tenantId, UserId, ApprovalId) : engine.DenyDialOut(tenantId, UserId, ApprovalId);
}
