using MeetingBot.Engine;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Snapshots;

namespace MeetingBot.Cluster.Commands;

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record ScheduleMeeting(string OrganizerId, string Subject, DateTimeOffset Start, DateTimeOffset End) : TenantCommand<EngineResult<MeetingSnapshot>>
{
    public override EngineResult<MeetingSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.ScheduleMeeting(tenantId, OrganizerId, Subject, Start, End).Map(MeetingSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record RefreshInvite(string UserId, string MeetingId) : TenantCommand<EngineResult<MeetingSnapshot>>
{
    public override EngineResult<MeetingSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.RefreshInvite(tenantId, UserId, MeetingId).Map(MeetingSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetMeeting(string MeetingId) : ReadCommand<EngineResult<MeetingSnapshot>>
{
    public override EngineResult<MeetingSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.GetMeeting(tenantId, MeetingId).Map(MeetingSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record ListMeetings(string UserId) : ReadCommand<IReadOnlyList<MeetingSnapshot>>
{
    public override IReadOnlyList<MeetingSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.ListMeetings(tenantId, UserId).Each(MeetingSnapshot.Of);
}

/// <summary>The user and their meetings in one call (one grain hop for a `meetings` turn instead of two).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record ListUserMeetings(string UserId) : ReadCommand<UserMeetings>
{
    public override UserMeetings Run(ConferenceEngine engine, string tenantId) =>
        new(engine.GetUser(tenantId, UserId) is { IsSuccess: true } user ? UserSnapshot.Of(user.Value!) : null,
            engine.ListMeetings(tenantId, UserId).Each(MeetingSnapshot.Of));
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record JoinMeeting(string UserId, string MeetingId, AudioMode Audio) : TenantCommand<EngineResult<ParticipantSnapshot>>
{
    public override EngineResult<ParticipantSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.JoinMeeting(tenantId, UserId, MeetingId, Audio).Map(ParticipantSnapshot.Of);
}

/// <summary>Leaves in the client; the answer lists the user's phone legs that stay connected (the seed's gotcha).</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record LeaveMeeting(string UserId, string MeetingId) : TenantCommand<EngineResult<IReadOnlyList<CallLegSnapshot>>>
{
    public override EngineResult<IReadOnlyList<CallLegSnapshot>> Run(ConferenceEngine engine, string tenantId) =>
        engine.LeaveMeeting(tenantId, UserId, MeetingId).Map(legs => legs.Each(CallLegSnapshot.Of));
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record EndMeeting(string UserId, string MeetingId) : TenantCommand<EngineResult<MeetingSnapshot>>
{
    public override EngineResult<MeetingSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.EndMeeting(tenantId, UserId, MeetingId).Map(MeetingSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record SetLobby(string UserId, string MeetingId, LobbySettings Lobby) : TenantCommand<EngineResult<MeetingSnapshot>>
{
    public override EngineResult<MeetingSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.SetLobby(tenantId, UserId, MeetingId, Lobby).Map(MeetingSnapshot.Of);
}

[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record Admit(string OrganizerId, string MeetingId, string ParticipantId) : TenantCommand<EngineResult<ParticipantSnapshot>>
{
    public override EngineResult<ParticipantSnapshot> Run(ConferenceEngine engine, string tenantId) =>
        engine.Admit(tenantId, OrganizerId, MeetingId, ParticipantId).Map(ParticipantSnapshot.Of);
}

/// <summary>A meeting, its organizer's name and its legs, in one turn.</summary>
[GenerateSerializer(GenerateFieldIds = GenerateFieldIds.PublicProperties)]
public sealed record GetMeetingDetails(string MeetingId) : ReadCommand<EngineResult<MeetingDetails>>
{
    public override EngineResult<MeetingDetails> Run(ConferenceEngine engine, string tenantId) =>
        engine.GetMeeting(tenantId, MeetingId).Map(m => new MeetingDetails(
            MeetingSnapshot.Of(m),
            engine.GetUser(tenantId, m.OrganizerId).Value?.DisplayName ?? m.OrganizerId,
            engine.ListLegs(tenantId, m.Id).Each(CallLegSnapshot.Of)));
}
