namespace MeetingBot.Engine.Events;

/// <summary>Why the orphaned-leg guard hung a phone up.</summary>
public enum OrphanedLegEndReason
{
    /// <summary>The leg stayed up for the policy's minutes after its user left (tenant End policy, or the host-wide option).</summary>
    EndedAfterPolicyTime,
    /// <summary>Ask policy: the phone was asked to press 1 to stay, and no 1 came in time.</summary>
    NoAnswerToStayPrompt,
}
