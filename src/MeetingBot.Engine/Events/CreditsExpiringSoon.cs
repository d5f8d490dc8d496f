namespace MeetingBot.Engine.Events;

/// <summary>
/// A purchase of Communications Credits with funds left will be forfeited at <paramref name="ExpiresAt"/>; raised once
/// per purchase, <see cref="ConferenceEngine.CreditExpiryNotice"/> before, for the tenant's admins.
/// </summary>
public sealed record CreditsExpiringSoon(string TenantId, DateTimeOffset At, Guid PurchaseId, DateTimeOffset PurchasedAt, DateTimeOffset ExpiresAt, decimal Remaining, string Currency)
    : EngineEvent(TenantId, At);
