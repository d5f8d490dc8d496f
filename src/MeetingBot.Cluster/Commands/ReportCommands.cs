using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Reports;

namespace MeetingBot.Cluster.Commands;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetMinutePoolsReport(string AdminId, int MonthsOfHistory = 0) : ReadCommand<EngineResult<IReadOnlyList<MinutePoolRow>>>
{
    public override EngineResult<IReadOnlyList<MinutePoolRow>> Run(ConferenceEngine engine, string tenantId) =>
        engine.GetMinutePoolsReport(tenantId, AdminId, MonthsOfHistory);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetUsageReport(string AdminId, DateTimeOffset From, DateTimeOffset To, string? UserId = null, string? CallType = null)
    : ReadCommand<EngineResult<IReadOnlyList<UsageRecord>>>
{
    public override EngineResult<IReadOnlyList<UsageRecord>> Run(ConferenceEngine engine, string tenantId) =>
        engine.GetUsageReport(tenantId, AdminId, From, To, UserId, CallType);
}

/// <summary>The money forecast; not a <see cref="ReadCommand{TResult}"/>: it forfeits expired funds first, which writes to the journal.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetMoneyForecast(string AdminId) : TenantCommand<EngineResult<MoneyForecast>>
{
    public override EngineResult<MoneyForecast> Run(ConferenceEngine engine, string tenantId) => engine.GetMoneyForecast(tenantId, AdminId);
}

/// <summary>
/// Advances the tenant to now (answers phones, meters minutes, reminders). The tenant's grain runs it itself, with
/// its writes awaited (<c>TenantGrain.TickAsync</c>), as its timer does every second.
/// </summary>
[GenerateSerializer]
public sealed record Tick : TenantCommand<int>
{
    public override int Run(ConferenceEngine engine, string tenantId) => engine.Tick();
}

/// <summary>Does nothing but make sure the tenant is active (see TenantKeeper).</summary>
[GenerateSerializer]
public sealed record Ping : ReadCommand<bool>
{
    public override bool Run(ConferenceEngine engine, string tenantId) => engine.GetTenant(tenantId).IsSuccess;
}

/// <summary>Names the host process running the tenant's turn (operations: which host owns a tenant now).</summary>
[GenerateSerializer]
public sealed record GetTenantHost : ReadCommand<string>
{
    public override string Run(ConferenceEngine engine, string tenantId) => HostIdentity.Current;
}
