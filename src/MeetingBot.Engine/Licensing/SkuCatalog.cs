namespace MeetingBot.Engine.Licensing;

public static class SkuCatalog
{
    private static readonly Dictionary<LicenseSku, SkuInfo> Infos = new SkuInfo[]
    {
        new(LicenseSku.Microsoft365BusinessPremium, "Microsoft 365 Business Premium", Capability.TeamsBase, false),
        new(LicenseSku.Office365E3, "Office 365 E3", Capability.TeamsBase, false),
        new(LicenseSku.Office365E5, "Office 365 E5", Capability.TeamsBase | Capability.MCOMEETADD, true),
        new(LicenseSku.AudioConferencingMonthly, "Microsoft Teams Audio Conferencing (monthly)", Capability.MCOMEETADD, true),
        new(LicenseSku.AudioConferencingPayPerMinute, "Microsoft Teams Audio Conferencing (pay-per-minute)", Capability.MCOMEETADD, false),
        new(LicenseSku.CommunicationsCredits, "Communications Credits", Capability.MCOPSTNPP, false),
        new(LicenseSku.CallingPlanDomestic, "Microsoft Teams Domestic Calling Plan", Capability.MCOPSTN1, false),
        new(LicenseSku.CallingPlanInternational, "Microsoft Teams Domestic and International Calling Plan", Capability.MCOPSTN2, false),
    }.ToDictionary(i => i.Sku);

    public static SkuInfo Get(LicenseSku sku) => Infos[sku];

    public static IReadOnlyCollection<SkuInfo> All => Infos.Values;

    public static bool TryParse(string text, out LicenseSku sku)
    {
        var t = text.Trim();
        if (Enum.TryParse(t, ignoreCase: true, out sku) && Enum.IsDefined(sku)) return true;
        var match = Infos.Values.FirstOrDefault(i =>
            string.Equals(i.DisplayName, t, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(ShortName(i.Sku), t, StringComparison.OrdinalIgnoreCase));
        sku = match?.Sku ?? default;
        return match is not null;
    }

    /// <summary>Short names an admin can type: the capability name for single-capability add-ons.</summary>
    public static string ShortName(LicenseSku sku) => sku switch
    {
        LicenseSku.AudioConferencingMonthly => "MCOMEETADD",
        LicenseSku.AudioConferencingPayPerMinute => "MCOMEETADD-PPM",
        LicenseSku.CommunicationsCredits => "MCOPSTNPP",
        LicenseSku.CallingPlanDomestic => "MCOPSTN1",
        LicenseSku.CallingPlanInternational => "MCOPSTN2",
        LicenseSku.Microsoft365BusinessPremium => "SPB",
        LicenseSku.Office365E3 => "ENTERPRISEPACK",
        LicenseSku.Office365E5 => "ENTERPRISEPREMIUM",
        _ => sku.ToString(),
    };
}
