using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Seeding;
using MeetingBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Engine.Tests.Support;

/// <summary>
/// The engine with the test kit's fixed Contoso on a fake clock: adele (AC), megan (no AC), lee (AC + credits), alex
/// (Don't allow), nestor (admin). Two assigned monthly AC licenses (adele, lee) → 120 pooled minutes a month.
/// </summary>
public sealed class EngineFixture
{
    public const string TenantId = "contoso";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public EngineFixture(Action<TenantSeed>? customize = null, Action<EngineOptions>? options = null, IPaymentGateway? payments = null)
    {
        Clock = new FakeTimeProvider(Start);
        var engineOptions = new EngineOptions { AutoAnswerAfter = TimeSpan.Zero, MaxDialOutsPerUserPerMinute = 1000, MaxDialOutsPerTenantPerMinute = 100_000 };
        options?.Invoke(engineOptions);
        var seed = DefaultSeed();
        customize?.Invoke(seed);
        Engine = new ConferenceEngine(engineOptions, Clock, Events, payments);
        Engine.AddTenant(seed);
    }

    public FakeTimeProvider Clock { get; }
    public RecordingEvents Events { get; } = new();
    public ConferenceEngine Engine { get; }

    /// <summary>The test kit's fixed Contoso (<see cref="TenantBuilder.Contoso"/>), the same tenant the storage tests use.</summary>
    public static TenantSeed DefaultSeed() => TenantBuilder.Contoso().Build();

    public Meeting Schedule(string organizer = "adele", string subject = "Weekly sync") =>
        Engine.ScheduleMeeting(TenantId, organizer, subject, Clock.GetUtcNow(), Clock.GetUtcNow().AddHours(1)).Unwrap();

    /// <summary>Spends <paramref name="minutes"/> pooled minutes: one call in a meeting of <paramref name="organizer"/>'s, then hung up.</summary>
    public void UsePooledMinutes(int minutes, string organizer = "adele")
    {
        var m = Schedule(organizer, "Burn");
        var leg = Engine.CallMe(TenantId, organizer, m.Id, "4055550100").Unwrap();
        Jump(TimeSpan.FromMinutes(minutes - 1) + TimeSpan.FromSeconds(30));
        Engine.HangUp(TenantId, organizer, leg.Id).Unwrap();
    }

    /// <summary>Moves the clock one second at a time (as the host's ticker does) and ticks after each step.</summary>
    public void Run(TimeSpan duration)
    {
        for (var s = 0; s < (int)duration.TotalSeconds; s++)
        {
            Clock.Advance(TimeSpan.FromSeconds(1));
            Engine.Tick();
        }
    }

    /// <summary>Jumps the clock in one step and ticks once: the engine must catch up minute by minute.</summary>
    public void Jump(TimeSpan duration)
    {
        Clock.Advance(duration);
        Engine.Tick();
    }
}
