using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Persistence;

namespace MeetingBot.Engine.Calling;

/// <summary>
/// A PSTN leg of a meeting. Billing: a minute is paid for when it begins (the first when the call connects,
/// minute k+1 once more than k×60 s have elapsed), so a call of d seconds pays ceil(d/60) minutes and the
/// service can never run up minutes it cannot pay for. If minute k+1 cannot be paid, the leg is cut off at
/// exactly k×60 s.
/// The leg owns its transitions (ring, connect, pay a minute, cut off, end, and the orphan guard's marks); the engine
/// decides when and calls them, and never sets its fields.
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

    private CallLeg(string id, string tenantId, string meetingId, string participantId, CallLegKind kind,
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

    /// <summary>A new outgoing or incoming call: the phone is ringing.</summary>
    internal static CallLeg Ring(string id, string tenantId, string meetingId, string participantId, CallLegKind kind,
        string? requestedByUserId, string billedUserId, string fromNumber, string toNumber, string destinationRegion,
        DateTimeOffset createdAt) =>
        new(id, tenantId, meetingId, participantId, kind, requestedByUserId, billedUserId, fromNumber, toNumber, destinationRegion, createdAt);

    /// <summary>A live leg as the journal stored it, with its paid segments.</summary>
    internal static CallLeg Restore(string tenantId, LegState stored)
    {
        var leg = new CallLeg(stored.Id, tenantId, stored.MeetingId, stored.ParticipantId, stored.Kind, stored.RequestedByUserId,
            stored.BilledUserId, stored.FromNumber, stored.ToNumber, stored.DestinationRegion, stored.CreatedAt)
        {
            State = stored.State,
            ConnectedAt = stored.ConnectedAt,
        };
        foreach (var seg in stored.Segments)
        {
            leg.AddSegment(new UsageSegment(seg.Capability, seg.Start));
            leg._segments[^1].Add(seg.Minutes, seg.Charge);
            leg.MinutesPaid += seg.Minutes;
        }
        return leg;
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
    public CallLegState State { get; private set; } = CallLegState.Ringing;
    public DateTimeOffset? ConnectedAt { get => FromTicks(_connectedAt); private set => _connectedAt = ToTicks(value); }
    public DateTimeOffset? EndedAt { get => FromTicks(_endedAt); private set => _endedAt = ToTicks(value); }
    public int MinutesPaid { get; private set; }
    /// <summary>True once the requesting user left the client (or the meeting ended) while this leg stayed up.</summary>
    public bool IsOrphaned { get; private set; }
    public DateTimeOffset? OrphanedAt { get => FromTicks(_orphanedAt); private set => _orphanedAt = ToTicks(value); }
    public DateTimeOffset? LastReminderAt { get => FromTicks(_lastReminderAt); private set => _lastReminderAt = ToTicks(value); }
    /// <summary>
    /// The lowest cut-off warning threshold (in minutes) this leg has been warned at; 0 before any. Each threshold warns
    /// once per leg. Memory only: a leg restored on another host may be warned again (no storage migration for it).
    /// </summary>
    internal int CutOffWarnedAt { get; private set; }

    /// <summary>
    /// When the phone was asked to press 1 to stay (the tenant's Ask policy) and has not answered yet; null otherwise.
    /// Memory only, as the prompts: a leg restored on another host is not hung up for a question it may not have heard.
    /// </summary>
    public DateTimeOffset? StayAskedAt { get => FromTicks(_stayAskedAt); private set => _stayAskedAt = ToTicks(value); }

    /// <summary>The person on this phone muted it with *6 (memory only).</summary>
    public bool IsMuted { get; private set; }

    /// <summary>What the simulated phone network played to the person on this leg, oldest first (memory only).</summary>
    public IReadOnlyList<LegPrompt> Prompts => _prompts is null ? [] : _prompts.ToArray();

    internal void PlayPrompt(DateTimeOffset at, string text) => (_prompts ??= []).Add(new LegPrompt(at, text));

    /// <summary>UTC ticks at which the engine next has work for this leg (see ConferenceEngine.ScheduleLeg).</summary>
    internal long DueTicks { get; private set; }

    internal void DueAt(long ticks) => DueTicks = ticks;
    public bool IsLive => State is CallLegState.Ringing or CallLegState.Connected;
    /// <summary>Why a cut-off leg could not pay on: Teams' error, or the dialing user's spent budget. Kept in memory only.</summary>
    public EngineError? CutOffReason { get; private set; }

    /// <summary>Why the next minute could not be paid, noted just before the leg is cut off.</summary>
    internal void CannotPay(EngineError reason) => CutOffReason = reason;

    public bool IsDialOut => Kind is CallLegKind.CallMe or CallLegKind.AddedParticipant;

    /// <summary>The instant the next unpaid minute begins (only meaningful while connected).</summary>
    internal DateTimeOffset PaidThrough => ConnectedAt!.Value.AddSeconds(checked(MinutesPaid * 60L));

    public Capability? CurrentFunding => _segments.Length == 0 ? null : _segments[^1].Capability;
    public decimal ChargeSoFar => _segments.Sum(s => s.Charge);

    internal IReadOnlyList<UsageSegment> Segments => _segments;

    /// <summary>The phone answered: billing starts at <paramref name="at"/>, the first minute is paid next.</summary>
    internal void Connect(DateTimeOffset at)
    {
        if (State != CallLegState.Ringing) throw new InvalidOperationException($"Leg {Id} is {State}; only a ringing leg connects.");
        State = CallLegState.Connected;
        ConnectedAt = at;
    }

    /// <summary>The service hung up because the next minute could not be paid.</summary>
    internal void CutOff(DateTimeOffset at) => Close(CallLegState.CutOff, at);

    /// <summary>Hung up (by either end, the meeting, the orphan guard or a restore).</summary>
    internal void End(DateTimeOffset at) => Close(CallLegState.Ended, at);

    private void Close(CallLegState how, DateTimeOffset at)
    {
        if (!IsLive) throw new InvalidOperationException($"Leg {Id} is already {State}.");
        State = how;
        EndedAt = at;
    }

    /// <summary>Its user left the client (or the meeting ended) while the phone stayed up; they were reminded at <paramref name="at"/>.</summary>
    internal void Orphan(DateTimeOffset at)
    {
        IsOrphaned = true;
        OrphanedAt ??= at;
        LastReminderAt = at;
    }

    internal void Reminded(DateTimeOffset at) => LastReminderAt = at;

    /// <summary>Warned at <paramref name="thresholdMinutes"/>; lower thresholds may still warn, this one and higher not again.</summary>
    internal void WarnedAt(int thresholdMinutes) => CutOffWarnedAt = thresholdMinutes;

    /// <summary>The phone was asked to press 1 to stay on.</summary>
    internal void AskToStay(DateTimeOffset at) => StayAskedAt = at;

    /// <summary>The stay question is over: answered with 1, or the leg is hung up for the silence.</summary>
    internal void StayQuestionSettled() => StayAskedAt = null;

    /// <summary>*6: muted becomes unmuted and back. Returns whether the phone is muted now.</summary>
    internal bool ToggleMute() => IsMuted = !IsMuted;

    internal void RecordPaidMinute(Capability capability, decimal charge, DateTimeOffset minuteStart)
    {
        if (_segments.Length == 0 || _segments[^1].Capability != capability)
            AddSegment(new UsageSegment(capability, minuteStart));
        _segments[^1].Add(1, charge);
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
