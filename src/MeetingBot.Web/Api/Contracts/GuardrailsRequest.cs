namespace MeetingBot.Web.Api.Contracts;

/// <summary>Sets the guardrails; a null limit is no limit, a null expiry is 10 minutes.</summary>
public sealed record GuardrailsRequest(int? DefaultMinutesPerMonth, decimal? DefaultMoneyPerMonth, bool ApprovalOutsideZoneA, decimal? ApprovalAboveRatePerMinute,
    int? ApprovalExpiryMinutes);
