using MeetingBot.Engine.Seeding;
using Microsoft.Extensions.Configuration;

namespace MeetingBot.Testing;

/// <summary>
/// The tenant a test talks to: the repository's demo tenant (Contoso, from appsettings.json) or one built from
/// scratch, changed in a few words. <c>TenantBuilder.Demo().WithCredits(25m)</c>,
/// <c>TenantBuilder.Empty().WithSeats("AudioConferencingMonthly", 1).WithUser("ann", "Ann", "AudioConferencingMonthly")</c>.
/// </summary>
public sealed class TenantBuilder
{
    private readonly TenantSeed _seed;

    private TenantBuilder(TenantSeed seed) => _seed = seed;

    /// <summary>The demo tenant the host seeds (DemoTenant in the appsettings.json copied beside the test binaries).</summary>
    public static TenantBuilder Demo()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false)
            .Build();
        return new(configuration.GetSection("DemoTenant").Get<TenantSeed>() ?? throw new InvalidOperationException("No DemoTenant in appsettings.json"));
    }

    /// <summary>
    /// The demo tenant's people with round, fixed numbers, independent of appsettings.json (whose rates and seats may
    /// change), for tests that assert exact minutes and money: adele (Audio Conferencing), megan (no Audio Conferencing),
    /// lee (Audio Conferencing + Communications Credits), alex (dial-out "Don't allow"), nestor (tenant admin). Two
    /// assigned monthly Audio Conferencing licenses (adele, lee): 120 pooled minutes a month. Credits cost 0.02 a minute
    /// to the US, 0.03 to the UK and 0.24 elsewhere; no credits bought.
    /// </summary>
    public static TenantBuilder Contoso() => new TenantBuilder(new TenantSeed
    {
        Id = "contoso",
        Name = "Contoso",
        Country = "US",
        Currency = "USD",
        Bridge = new BridgeSeed { TollNumber = "+1 405-666-0187", TollFreeNumber = "+1 844-555-0187" },
        RatesPerMinute = new() { ["Default"] = 0.24m, ["US"] = 0.02m, ["GB"] = 0.03m },
    })
        .WithSeats("Microsoft365BusinessPremium", 10)
        .WithSeats("AudioConferencingMonthly", 4)
        .WithSeats("AudioConferencingPayPerMinute", 2)
        .WithSeats("CommunicationsCredits", 100)
        .WithUser("adele", "Adele Vance", "Microsoft365BusinessPremium", "AudioConferencingMonthly")
        .WithUser("megan", "Megan Bowen", "Microsoft365BusinessPremium")
        .WithUser("lee", "Lee Gu", "Microsoft365BusinessPremium", "AudioConferencingMonthly", "CommunicationsCredits")
        .WithUser("alex", "Alex Wilber", "Microsoft365BusinessPremium").WithUser("alex", u => u.DialOut = "DontAllow")
        .WithUser("nestor", "Nestor Wilke", "Microsoft365BusinessPremium").WithUser("nestor", u => u.IsTenantAdmin = true);

    /// <summary>A tenant with a US toll bridge, no users and no subscriptions.</summary>
    public static TenantBuilder Empty(string id = "contoso") => new(new TenantSeed
    {
        Id = id,
        Name = id,
        Bridge = new BridgeSeed { TollNumber = "+14056660187" },
    });

    /// <param name="licenses">SKU names as in appsettings.json, e.g. Microsoft365BusinessPremium, AudioConferencingMonthly.</param>
    public TenantBuilder WithUser(string id, string displayName, params string[] licenses) => WithUser(id, u =>
    {
        u.DisplayName = displayName;
        u.Licenses = [.. licenses];
    });

    /// <summary>Adds the user, or changes the one with that id.</summary>
    public TenantBuilder WithUser(string id, Action<UserSeed> configure)
    {
        var user = _seed.Users.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            user = new UserSeed { Id = id, DisplayName = id, Upn = $"{id}@{_seed.Id}.example" };
            _seed.Users.Add(user);
        }
        configure(user);
        return this;
    }

    /// <summary>Sets the purchased seats of a SKU (adds the subscription when missing).</summary>
    public TenantBuilder WithSeats(string sku, int seats)
    {
        _seed.Subscriptions.RemoveAll(s => s.Sku == sku);
        _seed.Subscriptions.Add(new SubscriptionSeed { Sku = sku, Seats = seats });
        return this;
    }

    /// <summary>Removes the user with that id (a test that needs fewer people than the tenant has).</summary>
    public TenantBuilder WithoutUser(string id)
    {
        _seed.Users.RemoveAll(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase));
        return this;
    }

    /// <summary>The Communications Credits price of a minute to <paramref name="region"/> (ISO 3166 alpha-2, or "Default").</summary>
    public TenantBuilder WithRate(string region, decimal ratePerMinute)
    {
        _seed.RatesPerMinute[region] = ratePerMinute;
        return this;
    }

    public TenantBuilder WithCredits(decimal initialFunds)
    {
        _seed.Credits.InitialFunds = initialFunds;
        return this;
    }

    public TenantBuilder Configure(Action<TenantSeed> configure)
    {
        configure(_seed);
        return this;
    }

    public TenantSeed Build() => _seed;
}
