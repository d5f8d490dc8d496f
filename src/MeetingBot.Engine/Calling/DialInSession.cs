namespace MeetingBot.Engine.Calling;

/// <summary>A caller on the bridge, before and after they reach a meeting.</summary>
public sealed class DialInSession
{
    internal DialInSession(string id, string tenantId, string dialedNumber, string callerNumber, bool isTollFree, DateTimeOffset startedAt)
    {
        StartedAt = startedAt;
        Id = id;
        TenantId = tenantId;
        DialedNumber = dialedNumber;
        CallerNumber = callerNumber;
        IsTollFree = isTollFree;
    }

    public string Id { get; }
    /// <summary>When the caller reached the bridge: a caller who types nothing is hung up after <see cref="EngineOptions.DialInInputTimeout"/>.</summary>
    public DateTimeOffset StartedAt { get; }
    public string TenantId { get; }
    public string DialedNumber { get; }
    public string CallerNumber { get; }
    public bool IsTollFree { get; }
    public DialInStage Stage { get; internal set; } = DialInStage.AwaitingConferenceId;
    public int FailedAttempts { get; internal set; }
    public string? MeetingId { get; internal set; }
    public string? LegId { get; internal set; }
    public bool IsOrganizer { get; internal set; }
    /// <summary>What the bridge says next (or why it hung up).</summary>
    public string Prompt { get; internal set; } = DialInPrompts.EnterConferenceId;
}
