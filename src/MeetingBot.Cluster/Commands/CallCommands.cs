using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Phone;
using MeetingBot.Engine.Snapshots;

namespace MeetingBot.Cluster.Commands;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record ListLegs(string MeetingId) : ReadCommand<IReadOnlyList<CallLegSnapshot>>
{
    public override IReadOnlyList<CallLegSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.ListLegs(tenantId, MeetingId).Each(CallLegSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetLeg(string LegId) : ReadCommand<EngineResult<CallLegSnapshot>>
{
    public override EngineResult<CallLegSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.GetLeg(tenantId, LegId).Map(CallLegSnapshot.Of);
}

/// <summary>
/// What dialing a number would cost and who would pay, before a minute is spent. Not a <see cref="ReadCommand{TResult}"/>:
/// credits past their year are forfeited (and stored) before the minute is priced.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record PreviewCost(string UserId, string MeetingId, string Number, CallLegKind Kind) : TenantCommand<EngineResult<CostPreview>>
{
    public override EngineResult<CostPreview> Run(ConferenceEngine engine, string tenantId) => engine.PreviewCost(tenantId, UserId, MeetingId, Number, Kind);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record CallMe(string UserId, string MeetingId, string Number) : TenantCommand<EngineResult<CallLegSnapshot>>
{
    public override EngineResult<CallLegSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.CallMe(tenantId, UserId, MeetingId, Number).Map(CallLegSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record AddParticipantByPhone(string UserId, string MeetingId, string Number) : TenantCommand<EngineResult<CallLegSnapshot>>
{
    public override EngineResult<CallLegSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.AddParticipantByPhone(tenantId, UserId, MeetingId, Number).Map(CallLegSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record HangUp(string UserId, string? LegId = null) : TenantCommand<EngineResult<CallLegSnapshot>>
{
    public override EngineResult<CallLegSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.HangUp(tenantId, UserId, LegId).Map(CallLegSnapshot.Of);
}

/// <summary>
/// The simulated phone network: the dialed phone answers. Only legs of this tenant, and only the user's own legs or
/// those of meetings they organize, are reachable.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record AnswerPhone(string UserId, string LegId) : TenantCommand<EngineResult<CallLegSnapshot>>
{
    public override EngineResult<CallLegSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.LegActedOnBy(tenantId, UserId, LegId) is { IsSuccess: false } refused ? refused.Error!.Value : engine.AnswerPhone(LegId).Map(CallLegSnapshot.Of);
}

/// <summary>The simulated phone network: the person on the phone hangs up. Reachable as <see cref="AnswerPhone"/>.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record PhoneHangsUp(string UserId, string LegId) : TenantCommand<EngineResult<CallLegSnapshot>>
{
    public override EngineResult<CallLegSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.LegActedOnBy(tenantId, UserId, LegId) is { IsSuccess: false } refused ? refused.Error!.Value : engine.PhoneHangsUp(LegId).Map(CallLegSnapshot.Of);
}

/// <summary>
/// The simulated phone network: keys pressed on a connected leg (1 to stay, *6 mute, *1 minutes left). Reachable as
/// <see cref="AnswerPhone"/>; the engine checks who may press them.
/// </summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record PressKeys(string UserId, string? LegId, string Keys) : TenantCommand<EngineResult<CallLegSnapshot>>
{
    public override EngineResult<CallLegSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.PressKeys(tenantId, UserId, LegId, Keys).Map(CallLegSnapshot.Of);
}

/// <summary>A caller dials one of this tenant's bridge numbers (the gateway finds the tenant by the number).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record StartDialIn(string DialedNumber, string CallerNumber) : TenantCommand<EngineResult<DialInSnapshot>>
{
    public override EngineResult<DialInSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.StartDialIn(DialedNumber, CallerNumber).Map(DialInSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetDialIn(string SessionId) : ReadCommand<EngineResult<DialInSnapshot>>
{
    public override EngineResult<DialInSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.GetDialIn(SessionId).Map(DialInSnapshot.Of);
}

/// <summary>The caller presses keys; the answer is the session after them (with the bridge's next prompt) and the error, if any.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record EnterDialInDigits(string SessionId, string Digits) : TenantCommand<DialInStep>
{
    public override DialInStep Run(ConferenceEngine engine, string tenantId)
    {
        // Held before the keys: a session the bridge hangs up on is forgotten, yet this answer says why.
        var session = engine.GetDialIn(SessionId);
        var result = engine.EnterDialInDigits(SessionId, Digits);
        return new DialInStep(session.IsSuccess ? DialInSnapshot.Of(session.Value!) : null, result.Error);
    }
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record DialInStep(DialInSnapshot? Session, EngineError? Error);

/// <summary>The user's phone legs still connected after they left (the seed's gotcha), across their meetings.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record ListOrphanedLegs(string UserId) : ReadCommand<IReadOnlyList<CallLegSnapshot>>
{
    public override IReadOnlyList<CallLegSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.ListMeetings(tenantId, UserId)
            .SelectMany(m => engine.ListLegs(tenantId, m.Id))
            .Where(l => l.IsLive && l.IsOrphaned && string.Equals(l.RequestedByUserId, UserId, StringComparison.OrdinalIgnoreCase))
            .Each(CallLegSnapshot.Of);
}
