using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Calling;

/// <summary>
/// A PSTN leg of a meeting. Billing: a minute is paid for when it begins (the first when the call connects,
/// minute k+1 once more than k×60 s have elapsed), so a call of d seconds pays ceil(d/60) minutes and the
/// service can never run up minutes it cannot pay for. If minute k+1 cannot be paid, the leg is cut off at
/// exactly k×60 s.
/// </summary>
public sealed class CallLeg
{
    // A host holds up to 100,000s of live legs (docs/benchmarks.md), so the per-leg state is kept small: optional
    // instants as UTC ticks (0 = none) instead of 24-byte DateTimeOffset?s, and the one or two paid segments in
    // an array of exactly that length instead of a List. The engine's clock is UTC, so no offset is lost.
    private UsageSegment[] _segments = [];
    private long _connectedAt;
    private long _endedAt;
    private long _orphanedAt;
    private long _lastReminderAt;
    private long _stayAskedAt;
    // Most legs never hear a prompt: no list until the first one.
    private List<LegPrompt>? _prompts;

    internal CallLeg(string id, string tenantId, string meetingId, string participantId, CallLegKind kind,
        string? requestedByUserId, string billedUserId, string fromNumber, string toNumber, string destinationRegion,
        DateTimeOffset createdAt)
    {
        Id = id;
        TenantId = tenantId;
        MeetingId = meetingId;
        ParticipantId = participantId;
        Kind = kind;
        RequestedByUserId = requestedByUserId;
        BilledUserId = billedUserId;
        FromNumber = fromNumber;
        ToNumber = toNumber;
        DestinationRegion = destinationRegion;
        CreatedAt = createdAt;
    }

    public string Id { get; }
    public string TenantId { get; }
    public string MeetingId { get; }
    public string ParticipantId { get; }
    public CallLegKind Kind { get; }
    /// <summary>The user who asked for the call ("Call me" or "Add participant"); null for dial-in.</summary>
    public string? RequestedByUserId { get; }
    /// <summary>The meeting organizer: dial-out and toll-free minutes are billed to the organizer's tenant and licenses.</summary>
    public string BilledUserId { get; }
    public string FromNumber { get; }
    public string ToNumber { get; }
    public string DestinationRegion { get; }
    public DateTimeOffset CreatedAt { get; }
    public CallLegState State { get; internal set; } = CallLegState.Ringing;
    public DateTimeOffset? ConnectedAt { get => FromTicks(_connectedAt); internal set => _connectedAt = ToTicks(value); }
    public DateTimeOffset? EndedAt { get => FromTicks(_endedAt); internal set => _endedAt = ToTicks(value); }
    public int MinutesPaid { get; internal set; }
    /// <summary>True once the requesting user left the client (or the meeting ended) while this leg stayed up.</summary>
    public bool IsOrphaned { get; internal set; }
    public DateTimeOffset? OrphanedAt { get => FromTicks(_orphanedAt); internal set => _orphanedAt = ToTicks(value); }
    public DateTimeOffset? LastReminderAt { get => FromTicks(_lastReminderAt); internal set => _lastReminderAt = ToTicks(value); }
    /// <summary>
    /// The lowest cut-off warning threshold (in minutes) this leg has been warned at; 0 before any. Each threshold warns
    /// once per leg. Memory only: a leg restored on another host may be warned again (no storage migration for it).
    /// </summary>
    internal int CutOffWarnedAt { get; set; }

    /// <summary>
    /// When the phone was asked to press 1 to stay (the tenant's Ask policy) and has not answered yet; null otherwise.
    /// Memory only, as the prompts: a leg restored on another host is not hung up for a question it may not have heard.
    /// </summary>
    public DateTimeOffset? StayAskedAt { get => FromTicks(_stayAskedAt); internal set => _stayAskedAt = ToTicks(value); }

    /// <summary>The person on this phone muted it with *6 (memory only).</summary>
    public bool IsMuted { get; internal set; }

    /// <summary>What the simulated phone network played to the person on this leg, oldest first (memory only).</summary>
    public IReadOnlyList<LegPrompt> Prompts => _prompts is null ? [] : _prompts.ToArray();

    internal void PlayPrompt(DateTimeOffset at, string text) => (_prompts ??= []).Add(new LegPrompt(at, text));

    /// <summary>UTC ticks at which the engine next has work for this leg (see ConferenceEngine.ScheduleLeg).</summary>
    internal long DueTicks { get; set; }
    public bool IsLive => State is CallLegState.Ringing or CallLegState.Connected;
    /// <summary>Why a cut-off leg could not pay on: Teams' error, or the dialing user's spent budget. Kept in memory only.</summary>
    public EngineError? CutOffReason { get; internal set; }

    public bool IsDialOut => Kind is CallLegKind.CallMe or CallLegKind.AddedParticipant;

    /// <summary>The instant the next unpaid minute begins (only meaningful while connected).</summary>
    internal DateTimeOffset PaidThrough => ConnectedAt!.Value.AddSeconds(checked(MinutesPaid * 60L));

    public Capability? CurrentFunding => _segments.Length == 0 ? null : _segments[^1].Capability;
    public decimal ChargeSoFar => _segments.Sum(s => s.Charge);

    internal IReadOnlyList<UsageSegment> Segments => _segments;

    internal void RestoreSegment(Capability capability, DateTimeOffset start, int minutes, decimal charge)
    {
        AddSegment(new UsageSegment(capability, start) { Minutes = minutes, Charge = charge });
        MinutesPaid += minutes;
    }

    internal void RecordPaidMinute(Capability capability, decimal charge, DateTimeOffset minuteStart)
    {
        if (_segments.Length == 0 || _segments[^1].Capability != capability)
            AddSegment(new UsageSegment(capability, minuteStart));
        _segments[^1].Minutes++;
        _segments[^1].Charge += charge;
        MinutesPaid++;
    }

    // A leg changes funding at most a few times (pool, then credits), so growing by one costs nothing that matters.
    private void AddSegment(UsageSegment segment)
    {
        Array.Resize(ref _segments, _segments.Length + 1);
        _segments[^1] = segment;
    }

    private static long ToTicks(DateTimeOffset? at) => at?.UtcTicks ?? 0;

    private static DateTimeOffset? FromTicks(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
}
