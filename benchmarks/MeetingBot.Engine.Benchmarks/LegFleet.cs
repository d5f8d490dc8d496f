using MeetingBot.Engine;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Seeding;

namespace MeetingBot.Engine.Benchmarks;

/// <summary>
/// Many tenants, each with one meeting holding many connected phone legs (added by <see cref="ConnectLegs"/>),
/// on a clock the benchmark moves.
/// Every leg connects in the same second, so each minute boundary has all of them due at once: the worst case.
/// </summary>
public sealed class LegFleet
{
    private readonly List<(string TenantId, string MeetingId)> _meetings = [];
    private readonly int _legsPerTenant;

    /// <summary>
    /// Pooled minutes each leg can pay before its tenant's pool is used up. A run must stay below it: past it, a
    /// "minute boundary" would measure cut-offs (or nothing at all) instead of debits.
    /// </summary>
    public const int PoolMinutesPerLeg = 20;

    public LegFleet(int tenants, int legsPerTenant)
    {
        Clock = new ManualClock(Start);
        Engine = new ConferenceEngine(Options(), Clock);
        var organizers = Organizers(legsPerTenant);
        for (var t = 0; t < tenants; t++)
        {
            var seed = Seed($"t{t}", organizers);
            Engine.AddTenant(seed);
            var meeting = Engine.ScheduleMeeting(seed.Id, "u0", "load", Clock.GetUtcNow(), Clock.GetUtcNow().AddHours(12)).Unwrap();
            _meetings.Add((seed.Id, meeting.Id));
            Engine.JoinMeeting(seed.Id, "u0", meeting.Id, AudioMode.ComputerAudio).Unwrap();
        }
        _legsPerTenant = legsPerTenant;
        Legs = tenants * legsPerTenant;
    }

    /// <summary>Adds every phone leg (each answers at once), so memory can be read before and after.</summary>
    public LegFleet ConnectLegs()
    {
        foreach (var (tenantId, meetingId) in _meetings)
            for (var i = 0; i < _legsPerTenant; i++)
                Engine.AddParticipantByPhone(tenantId, "u0", meetingId, Number(i)).Unwrap();
        return this;
    }

    public ManualClock Clock { get; }
    public ConferenceEngine Engine { get; }
    public int Legs { get; }

    /// <summary>Legs still up (ringing or connected), counted through the engine's own listing.</summary>
    public int LiveLegs() => _meetings.Sum(m => Engine.ListLegs(m.TenantId, m.MeetingId).Count(l => l.IsLive));

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static EngineOptions Options() => new()
    {
        AutoAnswerAfter = TimeSpan.Zero,
        MaxDialOutsPerUserPerMinute = int.MaxValue,
        MaxDialOutsPerTenantPerMinute = int.MaxValue,
    };

    /// <summary>60 pooled minutes per licensed organizer: enough for every leg to pay <see cref="PoolMinutesPerLeg"/> minutes.</summary>
    public static int Organizers(int legsPerTenant) => legsPerTenant * PoolMinutesPerLeg / 60 + 1;

    public static string Number(int i) => $"+1405{2_000_000 + i % 7_000_000:D7}";

    public static TenantSeed Seed(string id, int organizers) => new()
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
