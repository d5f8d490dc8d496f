using MeetingBot.Engine;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Seeding;

namespace MeetingBot.Engine.Benchmarks;

/// <summary>
/// Many tenants, each with one meeting holding many connected phone legs, on a clock the benchmark moves.
/// Every leg connects in the same second, so each minute boundary has all of them due at once: the worst case.
/// </summary>
public sealed class LegFleet
{
    public LegFleet(int tenants, int legsPerTenant)
    {
        Clock = new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        Engine = new ConferenceEngine(new EngineOptions
        {
            AutoAnswerAfter = TimeSpan.Zero,
            MaxDialOutsPerUserPerMinute = int.MaxValue,
            MaxDialOutsPerTenantPerMinute = int.MaxValue,
        }, Clock);
        // 60 minutes per licensed organizer: enough pool for every leg to run `poolHours` hours.
        var organizers = Math.Max(1, legsPerTenant * 3 / 60 + 1);
        for (var t = 0; t < tenants; t++)
        {
            var seed = Seed($"t{t}", organizers);
            Engine.AddTenant(seed);
            var meeting = Engine.ScheduleMeeting(seed.Id, "u0", "load", Clock.GetUtcNow(), Clock.GetUtcNow().AddHours(12)).Unwrap();
            Engine.JoinMeeting(seed.Id, "u0", meeting.Id, AudioMode.ComputerAudio).Unwrap();
            for (var i = 0; i < legsPerTenant; i++)
                Engine.AddParticipantByPhone(seed.Id, "u0", meeting.Id, $"+1405{2_000_000 + i % 7_000_000:D7}").Unwrap();
        }
        Legs = tenants * legsPerTenant;
    }

    public ManualClock Clock { get; }
    public ConferenceEngine Engine { get; }
    public int Legs { get; }

    private static TenantSeed Seed(string id, int organizers) => new()
    {
        Id = id,
        Name = id,
        Country = "US",
        Bridge = new BridgeSeed { TollNumber = "+14056660187" },
        Subscriptions =
        [
            new() { Sku = "Microsoft365BusinessPremium", Seats = organizers },
            new() { Sku = "AudioConferencingMonthly", Seats = organizers },
        ],
        Users = Enumerable.Range(0, organizers).Select(i => new UserSeed
        {
            Id = $"u{i}", DisplayName = $"User {i}", Upn = $"u{i}@{id}.example", Country = "US",
            Licenses = ["Microsoft365BusinessPremium", "AudioConferencingMonthly"],
        }).ToList(),
        RatesPerMinute = new() { ["Default"] = 0.02m },
    };
}
