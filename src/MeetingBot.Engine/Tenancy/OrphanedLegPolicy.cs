namespace MeetingBot.Engine.Tenancy;

/// <summary>
/// A tenant's guard for phone legs that outlive the client (the seed's gotcha). <paramref name="EndAfterMinutes"/> is
/// used only with <see cref="OrphanedLegAction.End"/>, 1 to <see cref="MaxEndAfterMinutes"/>; 0 otherwise.
/// </summary>
public sealed record OrphanedLegPolicy(OrphanedLegAction Action, int EndAfterMinutes = 0)
{
    public const int MaxEndAfterMinutes = 24 * 60;

    /// <summary>Today's behaviour: reminders only (and the host-wide option, if the host sets one).</summary>
    public static readonly OrphanedLegPolicy Off = new(OrphanedLegAction.Off);

    /// <summary>The policy as asked for, or null if it makes no sense (an unknown action, minutes out of range or given without End).</summary>
    public static OrphanedLegPolicy? Create(OrphanedLegAction action, int? endAfterMinutes) => action switch
    {
        OrphanedLegAction.End when endAfterMinutes is >= 1 and <= MaxEndAfterMinutes => new(action, endAfterMinutes.Value),
        OrphanedLegAction.Off or OrphanedLegAction.Ask when endAfterMinutes is null or 0 => new(action),
        _ => null,
    };

    public override string ToString() => Action == OrphanedLegAction.End ? $"End after {EndAfterMinutes} min" : Action.ToString();
}
