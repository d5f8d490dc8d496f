using MeetingBot.Engine.Seeding;

namespace MeetingBot.Storage.Tests.Support;

/// <summary>
/// A demo-like tenant: adele (Audio Conferencing), lee (Audio Conferencing + Communications Credits), nestor
/// (admin). Two assigned monthly AC licenses → 120 pooled minutes a month; US minutes cost 0.02 in credits.
/// </summary>
public static class Seeds
{
    public const string TenantId = "contoso";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static TenantSeed Tenant(decimal initialFunds = 0m) => new()
    {
        Id = TenantId,
        Name = "Contoso",
        Country = "US",
        Currency = "USD",
        Bridge = new BridgeSeed { TollNumber = "+1 405-666-0187", TollFreeNumber = "+1 844-555-0187" },
        Subscriptions =
        [
            new() { Sku = "Microsoft365BusinessPremium", Seats = 10 },
            new() { Sku = "AudioConferencingMonthly", Seats = 4 },
            new() { Sku = "CommunicationsCredits", Seats = 100 },
        ],
        Users =
        [
            User("adele", "Adele Vance", ["Microsoft365BusinessPremium", "AudioConferencingMonthly"]),
            User("lee", "Lee Gu", ["Microsoft365BusinessPremium", "AudioConferencingMonthly", "CommunicationsCredits"]),
            User("nestor", "Nestor Wilke", ["Microsoft365BusinessPremium"], admin: true),
        ],
        RatesPerMinute = new() { ["Default"] = 0.24m, ["US"] = 0.02m },
        Credits = new CreditsSeed { InitialFunds = initialFunds },
    };

    private static UserSeed User(string id, string name, List<string> licenses, bool admin = false) =>
        new() { Id = id, DisplayName = name, Upn = $"{id}@contoso.example", Country = "US", Licenses = licenses, DialOut = "AnyDestination", IsTenantAdmin = admin };
}
