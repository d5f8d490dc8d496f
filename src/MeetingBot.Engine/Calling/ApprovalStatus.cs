namespace MeetingBot.Engine.Calling;

/// <summary>Where a dial-out waiting for the organizer's approval stands.</summary>
public enum ApprovalStatus
{
    Pending,
    /// <summary>The organizer approved; the call was placed, or refused by the normal rules (<see cref="DialOutApproval.CallRefusal"/>).</summary>
    Approved,
    Denied,
    /// <summary>Nobody answered before <see cref="DialOutApproval.ExpiresAt"/>: nothing was dialed.</summary>
    Expired,
}
