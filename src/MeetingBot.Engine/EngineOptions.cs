namespace MeetingBot.Engine;

/// <summary>Engine behaviour knobs, bound from configuration section "MeetingBot:Engine".</summary>
public sealed class EngineOptions
{
    public string PublicBaseUrl { get; set; } = "http://localhost:3978";
    /// <summary>The simulated phone network answers a dialed number after this long (zero: at once).</summary>
    public TimeSpan AutoAnswerAfter { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>A caller on the bridge who has not reached a meeting by then is hung up (and the session forgotten).</summary>
    public TimeSpan DialInInputTimeout { get; set; } = TimeSpan.FromMinutes(5);
    public TimeSpan HangUpReminderInterval { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Tenant policy beyond Teams: end a phone leg this long after its user left (null: never, as Teams).</summary>
    public TimeSpan? EndOrphanedLegsAfter { get; set; }
    /// <summary>A tenant's Ask policy hangs up an orphaned phone that pressed no 1 within this long of hearing the prompt.</summary>
    public TimeSpan OrphanedLegAnswerTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public int MaxConferenceIdAttempts { get; set; } = 3;
    public int ConferenceIdDigits { get; set; } = 9;
    public int[] PoolWarningThresholdsPercent { get; set; } = [50, 80, 95, 100];
    /// <summary>Per-minute toll-free dial-in rate charged to credits.</summary>
    public decimal TollFreeRatePerMinute { get; set; } = 0.03m;
    /// <summary>Dial-outs allowed per user per rolling minute (toll-fraud guard).</summary>
    public int MaxDialOutsPerUserPerMinute { get; set; } = 10;
    public int MaxDialOutsPerTenantPerMinute { get; set; } = 600;

    /// <summary>
    /// How long a meeting nobody is in is kept after its last activity (its scheduled end, its end, or a join or leave
    /// this host saw); then it is forgotten with its ended call legs, in memory and in the store. Usage records stay.
    /// </summary>
    public TimeSpan MeetingRetention { get; set; } = TimeSpan.FromDays(60);

    /// <summary>
    /// When a tenant is restored (another host took it over, or its owner reloaded it after a tick it could not
    /// store), a connected leg whose paid minute ran out less than this long ago goes on: its next minute is paid
    /// from where the last one ended, so nothing is skipped or paid twice. Longer than this, the crash rule ends it at
    /// the end of its last paid minute. Zero: only legs still inside their paid minute go on.
    /// </summary>
    public TimeSpan RestoreGrace { get; set; } = TimeSpan.FromSeconds(10);

    public void Validate()
    {
        if (!Uri.TryCreate(PublicBaseUrl, UriKind.Absolute, out _)) throw new InvalidOperationException("MeetingBot:Engine:PublicBaseUrl must be an absolute URL.");
        if (AutoAnswerAfter < TimeSpan.Zero) throw new InvalidOperationException("AutoAnswerAfter must not be negative.");
        if (DialInInputTimeout < TimeSpan.FromSeconds(10)) throw new InvalidOperationException("DialInInputTimeout must be at least 10 seconds.");
        if (HangUpReminderInterval < TimeSpan.FromSeconds(1)) throw new InvalidOperationException("HangUpReminderInterval must be at least one second.");
        if (OrphanedLegAnswerTimeout < TimeSpan.FromSeconds(5) || OrphanedLegAnswerTimeout > TimeSpan.FromMinutes(10)) throw new InvalidOperationException("OrphanedLegAnswerTimeout must be 5 seconds to 10 minutes.");
        if (MaxConferenceIdAttempts is < 1 or > 10) throw new InvalidOperationException("MaxConferenceIdAttempts must be 1..10.");
        if (ConferenceIdDigits is < 6 or > 12) throw new InvalidOperationException("ConferenceIdDigits must be 6..12.");
        if (PoolWarningThresholdsPercent.Any(p => p is < 1 or > 100)) throw new InvalidOperationException("Pool warning thresholds are percentages 1..100.");
        if (RestoreGrace < TimeSpan.Zero || RestoreGrace > TimeSpan.FromMinutes(1)) throw new InvalidOperationException("RestoreGrace must be 0 to 60 seconds.");
        if (MeetingRetention < TimeSpan.FromHours(1)) throw new InvalidOperationException("MeetingRetention must be at least one hour.");
        if (MaxDialOutsPerUserPerMinute < 1 || MaxDialOutsPerTenantPerMinute < 1) throw new InvalidOperationException("Dial-out rate limits must be positive.");
    }
}
