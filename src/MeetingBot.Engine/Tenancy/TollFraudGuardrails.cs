using MeetingBot.Engine.Billing;

namespace MeetingBot.Engine.Tenancy;

/// <summary>
/// A tenant's toll-fraud guardrails (beyond Teams): the default monthly dial-out budget of every user without one of
/// their own, and the rule that a dial-out outside Zone A, or priced above a rate per minute, waits for the meeting
/// organizer's approval (which expires after <see cref="ApprovalExpiryMinutes"/>). Off by default, as Teams.
/// </summary>
/// <param name="ApprovalAboveRatePerMinute">Dial-outs whose credits rate is above this need approval; null: no rate rule.</param>
public sealed record TollFraudGuardrails(DialOutBudget DefaultBudget, bool ApprovalOutsideZoneA, decimal? ApprovalAboveRatePerMinute, int ApprovalExpiryMinutes)
{
    public const int DefaultApprovalExpiryMinutes = 10;
    public const int MaxApprovalExpiryMinutes = 24 * 60;
    public const decimal MaxApprovalRate = 100m;

    /// <summary>No budget, no approvals: what Teams does.</summary>
    public static readonly TollFraudGuardrails Off = new(DialOutBudget.Unlimited, false, null, DefaultApprovalExpiryMinutes);

    public bool ApprovalsOn => ApprovalOutsideZoneA || ApprovalAboveRatePerMinute is not null;

    /// <summary>The settings as asked for, or null when the rate or the expiry is out of range.</summary>
    public static TollFraudGuardrails? Create(DialOutBudget defaultBudget, bool approvalOutsideZoneA, decimal? approvalAboveRate, int approvalExpiryMinutes) =>
        approvalAboveRate is < 0m or > MaxApprovalRate || approvalAboveRate is { } r && decimal.Round(r, 4) != r
        || approvalExpiryMinutes is < 1 or > MaxApprovalExpiryMinutes
            ? null
            : new TollFraudGuardrails(defaultBudget, approvalOutsideZoneA, approvalAboveRate, approvalExpiryMinutes);
}
