namespace MeetingBot.Engine.Licensing;

/// <summary>The products a tenant can buy seats of. Capabilities follow from <see cref="SkuCatalog"/>.</summary>
public enum LicenseSku
{
    Microsoft365BusinessPremium,
    Office365E3,
    Office365E5,
    AudioConferencingMonthly,
    AudioConferencingPayPerMinute,
    CommunicationsCredits,
    CallingPlanDomestic,
    CallingPlanInternational,
}
