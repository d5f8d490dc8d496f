namespace MeetingBot.Engine.Tenancy;

/// <summary>What a tenant does with a "Call me" phone leg left up after its user left the meeting in the client.</summary>
public enum OrphanedLegAction
{
    /// <summary>Nothing beyond hang-up reminders, as Teams (the host-wide <see cref="EngineOptions.EndOrphanedLegsAfter"/> still applies if set).</summary>
    Off,
    /// <summary>The phone hears "press 1 to stay"; no key within <see cref="EngineOptions.OrphanedLegAnswerTimeout"/> and the leg is hung up.</summary>
    Ask,
    /// <summary>The leg is hung up a set number of minutes after its user left.</summary>
    End,
}
