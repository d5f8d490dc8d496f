namespace MeetingBot.Web.Api.Contracts;

/// <param name="Policy">Off, Ask or End.</param>
/// <param name="EndAfterMinutes">With End: minutes after the user left; null otherwise.</param>
/// <param name="AnswerTimeoutSeconds">With Ask: how long the phone has to press 1 before it is hung up.</param>
/// <param name="HostEndAfterMinutes">The host-wide <c>MeetingBot:Engine:EndOrphanedLegsAfter</c> that applies while the policy is Off; null: none.</param>
public sealed record OrphanedLegPolicyView(string Policy, int? EndAfterMinutes, int AnswerTimeoutSeconds, double? HostEndAfterMinutes);
