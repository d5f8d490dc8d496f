using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Hubs.Messages;

/// <summary>To the requester and the organizer: a held dial-out was approved (and placed, or refused), denied, or expired.</summary>
public sealed record DialOutApprovalDecidedMessage(ApprovalView Approval, string Message, DateTimeOffset At);
