namespace MeetingBot.Web.Api.Contracts;

/// <param name="Policy">Off, Ask or End.</param>
/// <param name="EndAfterMinutes">With End only: 1 to 1440.</param>
public sealed record OrphanedLegPolicyRequest(string? Policy, int? EndAfterMinutes);
