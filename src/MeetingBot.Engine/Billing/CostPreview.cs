using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Phone;

namespace MeetingBot.Engine.Billing;

/// <summary>
/// What dialing a number from a meeting would cost, asked before anything is dialed (beyond Teams, which says
/// nothing until the call is placed or refused). Computed under the tenant's lock with <see cref="FundingPolicy.Decide"/>
/// for a minute beginning now; the next call may find the pool emptier.
/// </summary>
/// <param name="Number">The number as the meeting would dial it (E.164 and its region).</param>
/// <param name="CountryName">The region's English name, e.g. "United Kingdom".</param>
/// <param name="IsZoneA">Whether the destination is one of the 44 Zone A countries and regions.</param>
/// <param name="Kind">Call me or add participant.</param>
/// <param name="Payer">Who would pay the first minute: the pool, credits, or nobody (<see cref="FundingSource.Refused"/>).</param>
/// <param name="PoolMinutesLeft">Pooled dial-out minutes left this month (whether or not this destination may use them).</param>
/// <param name="RatePerMinute">The per-minute price on credits for this destination.</param>
/// <param name="Currency">The tenant's currency (ISO 4217).</param>
/// <param name="RechargeFirst">Credits would pay only after an auto-recharge.</param>
/// <param name="FundingRefusal">Why nobody would pay (null when someone would).</param>
/// <param name="Policy">The dial-out permission's verdict on this destination.</param>
/// <param name="Refusal">The first reason the dial-out would be refused, in the order the engine checks (null: it would dial).</param>
/// <param name="NeedsApproval">Why the tenant's toll-fraud guardrails would hold it for the organizer's approval (null: dialed at once, or refused).</param>
public sealed record CostPreview(
    PhoneNumber Number,
    string CountryName,
    bool IsZoneA,
    CallLegKind Kind,
    FundingSource Payer,
    int PoolMinutesLeft,
    decimal RatePerMinute,
    string Currency,
    bool RechargeFirst,
    EngineError? FundingRefusal,
    DialOutPolicyVerdict Policy,
    EngineError? Refusal,
    ApprovalReason? NeedsApproval = null)
{
    public bool WouldDial => Refusal is null;

    /// <summary>The words the refusal shows (the <see cref="EngineMessages"/> text), or null.</summary>
    public string? RefusalMessage => Refusal is { } e ? EngineMessages.For(e) : null;
}
