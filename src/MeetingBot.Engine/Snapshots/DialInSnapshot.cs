using MeetingBot.Engine.Calling;

namespace MeetingBot.Engine.Snapshots;

/// <summary>A caller on the bridge as they were inside their tenant's turn (see <see cref="DialInSession"/>).</summary>
public sealed record DialInSnapshot(
    string Id,
    string TenantId,
    string DialedNumber,
    string CallerNumber,
    bool IsTollFree,
    DialInStage Stage,
    int FailedAttempts,
    string? MeetingId,
    string? LegId,
    bool IsOrganizer,
    string Prompt)
{
    public static DialInSnapshot Of(DialInSession s) =>
        new(s.Id, s.TenantId, s.DialedNumber, s.CallerNumber, s.IsTollFree, s.Stage, s.FailedAttempts, s.MeetingId, s.LegId, s.IsOrganizer, s.Prompt);
}
