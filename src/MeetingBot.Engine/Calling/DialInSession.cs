namespace MeetingBot.Engine.Calling;

/// <summary>
/// A caller on the bridge, before and after they reach a meeting. The engine checks what they typed and moves the
/// session on through these methods.
/// </summary>
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
    public DialInStage Stage { get; private set; } = DialInStage.AwaitingConferenceId;
    public int FailedAttempts { get; private set; }
    public string? MeetingId { get; private set; }
    public string? LegId { get; private set; }
    public bool IsOrganizer { get; private set; }
    /// <summary>What the bridge says next (or why it hung up).</summary>
    public string Prompt { get; private set; } = DialInPrompts.EnterConferenceId;

    /// <summary>A wrong conference ID or PIN; returns the attempts failed so far.</summary>
    internal int FailedAttempt() => ++FailedAttempts;

    /// <summary>Asked again (after input the bridge could not use).</summary>
    internal void Reprompt(string prompt) => Prompt = prompt;

    /// <summary>The conference ID matched <paramref name="meetingId"/>: the PIN (or # alone) comes next.</summary>
    internal void MeetingFound(string meetingId)
    {
        MeetingId = meetingId;
        Stage = DialInStage.AwaitingPin;
        Prompt = DialInPrompts.EnterPinOrPound;
    }

    /// <summary>The PIN step passed: the organizer's PIN, or # alone as a guest.</summary>
    internal void PinAccepted(bool asOrganizer) => IsOrganizer = asOrganizer;

    /// <summary>The bridge placed the caller's call into the meeting as leg <paramref name="legId"/>.</summary>
    internal void CallPlaced(string legId) => LegId = legId;

    /// <summary>In the meeting, or waiting in its lobby.</summary>
    internal void Joined(bool inLobby)
    {
        Stage = inLobby ? DialInStage.InLobby : DialInStage.Admitted;
        Prompt = inLobby ? DialInPrompts.Lobby : DialInPrompts.Joined;
    }

    /// <summary>The organizer let the caller in from the lobby.</summary>
    internal void Admitted()
    {
        Stage = DialInStage.Admitted;
        Prompt = DialInPrompts.Joined;
    }

    /// <summary>The call is over; <paramref name="why"/>, when given, is what the caller heard last.</summary>
    internal void Disconnect(string? why = null)
    {
        Stage = DialInStage.Disconnected;
        if (why is not null) Prompt = why;
    }
}
