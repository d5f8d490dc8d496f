namespace MeetingBot.Engine.Calling;

/// <summary>Which guardrail rule asked for the organizer's approval.</summary>
public enum ApprovalReason
{
    OutsideZoneA,
    AboveRate,
}
