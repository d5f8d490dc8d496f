namespace MeetingBot.Engine.Seeding;

/// <summary>A tenant described as data (bound from configuration section "DemoTenant").</summary>
public sealed class TenantSeed
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Country { get; set; } = "US";
    public string Currency { get; set; } = "USD";
    /// <summary>The organization's Microsoft Entra tenant id (Teams sends it as <c>channelData.tenant.id</c>); without it no Teams chat reaches this tenant.</summary>
    public string? AadTenantId { get; set; }
    /// <summary>
    /// When the seeded users' licenses were assigned (a tenant brought in with its history); null for the moment the
    /// tenant is first stored. Past months' minute pools count licenses from here; a date after that moment is ignored.
    /// </summary>
    public DateTimeOffset? LicensesAssignedSince { get; set; }
    public BridgeSeed Bridge { get; set; } = new();
    public List<SubscriptionSeed> Subscriptions { get; set; } = [];
    public List<UserSeed> Users { get; set; } = [];
    public CreditsSeed Credits { get; set; } = new();
    public Dictionary<string, decimal> RatesPerMinute { get; set; } = [];
    /// <summary>
    /// Warn a call's phone, its dialer and the organizer when what can still pay for it covers this many minutes or
    /// fewer (each threshold once per call). Null: 5 and 1 (<c>ConferenceEngine.DefaultCutOffWarningMinutes</c>); empty: never.
    /// </summary>
    public int[]? CutOffWarningMinutes { get; set; }

    /// <summary>
    /// What to do with a "Call me" phone left up after its user left the meeting in the client: <c>Off</c> (the default:
    /// reminders only, as Teams), <c>Ask</c> (the phone is asked to press 1 to stay) or <c>End</c> (hung up after
    /// <see cref="OrphanedLegEndAfterMinutes"/>). Admins change it at run time (chat or HTTP API).
    /// </summary>
    public string? OrphanedLegPolicy { get; set; }
    public int? OrphanedLegEndAfterMinutes { get; set; }
}
