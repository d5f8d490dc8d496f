namespace MeetingBot.Web.Api.Contracts;

/// <summary>
/// A dial-out held for the meeting organizer's approval (toll-fraud guardrail). <c>status</c> is Pending, Approved,
/// Denied or Expired; <c>reason</c> OutsideZoneA or AboveRate. On approval <c>legId</c> is the call placed, or
/// <c>callRefusal</c>/<c>callRefusalMessage</c> say why it could not be. <c>message</c> is the requester's sentence once decided.
/// </summary>
public sealed record ApprovalView(string Id, string MeetingId, string RequesterId, string RequesterName, string OrganizerId, string OrganizerName,
    string Kind, string Number, string Display, string RegionCode, decimal RatePerMinute, string Currency, string Reason, string ReasonText,
    DateTimeOffset RequestedAt, DateTimeOffset ExpiresAt, string Status, DateTimeOffset? DecidedAt, string? DecidedBy, string? LegId,
    string? CallRefusal, string? CallRefusalMessage, string? Message);
