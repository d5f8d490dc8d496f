using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Hubs.Messages;

/// <summary>To the meeting's organizer: a dial-out waits for their approval (Approve / Deny through /api/approvals).</summary>
public sealed record DialOutApprovalRequestedMessage(ApprovalView Approval, string Message, DateTimeOffset At);
