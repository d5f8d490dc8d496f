using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Meetings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Engine.Benchmarks;

/// <summary>
/// <see cref="LegFleet"/> as the product runs it: a one-silo cluster in this process (the embedded default,
/// localhost clustering on 127.0.0.1), each tenant in its own grain, every meeting, leg and tick sent as a grain
/// command through <see cref="ITenants"/>. The grains' own timers are off; a minute boundary is every tenant's
/// tick at once, as their timers would fire it.
/// </summary>
public sealed class GrainFleet : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly List<(string TenantId, string MeetingId)> _meetings = [];
    private readonly int _legsPerTenant;

    private GrainFleet(IHost host, ManualClock clock, int legsPerTenant, int tenants)
    {
        _host = host;
        Clock = clock;
        _legsPerTenant = legsPerTenant;
        Legs = legsPerTenant * tenants;
    }

    public ManualClock Clock { get; }
    public ITenants Tenants => _host.Services.GetRequiredService<ITenants>();
    public int Legs { get; }
    public IReadOnlyList<(string TenantId, string MeetingId)> Meetings => _meetings;

    public static async Task<GrainFleet> StartAsync(int tenants, int legsPerTenant)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration[$"{MeetingBotClusterOptions.Section}:TickInterval"] = "00:00:00";
        builder.Configuration[$"{MeetingBotClusterOptions.Section}:ClusterId"] = $"bench-{Guid.NewGuid():N}";
        var clock = new ManualClock(LegFleet.Start);
        builder.Services.AddSingleton(LegFleet.Options());
        builder.Services.AddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, clock);
        builder.Services.AddSingleton<IEngineEvents>(NullEngineEvents.Instance);
        builder.Services.AddSingleton<IPaymentGateway>(new AlwaysApprovePaymentGateway());
        builder.AddMeetingBotCluster();
        var host = builder.Build();
        await host.StartAsync();
        var fleet = new GrainFleet(host, clock, legsPerTenant, tenants);
        var catalog = host.Services.GetRequiredService<TenantCatalog>();
        for (var t = 0; t < tenants; t++) catalog.Add(LegFleet.Seed($"t{t}", LegFleet.Organizers(legsPerTenant)));
        await Task.WhenAll(catalog.TenantIds.Select(async id =>
        {
            var now = fleet.Clock.GetUtcNow();
            var meeting = (await fleet.Tenants.Ask(id, new ScheduleMeeting("u0", "load", now, now.AddHours(12)))).Unwrap();
            (await fleet.Tenants.Ask(id, new JoinMeeting("u0", meeting.Id, AudioMode.ComputerAudio))).Unwrap();
            lock (fleet._meetings) fleet._meetings.Add((id, meeting.Id));
        }));
        return fleet;
    }

    /// <summary>Adds every phone leg through its tenant's grain, tenants in parallel (each answers at once).</summary>
    public async Task ConnectLegsAsync() =>
        await Task.WhenAll(_meetings.Select(async m =>
        {
            for (var i = 0; i < _legsPerTenant; i++)
                (await Tenants.Ask(m.TenantId, new AddParticipantByPhone("u0", m.MeetingId, LegFleet.Number(i)))).Unwrap();
        }));

    /// <summary>Every tenant's tick at once; the leg minutes they paid.</summary>
    public async Task<int> TickAsync() => (await Task.WhenAll(_meetings.Select(m => Tenants.Ask(m.TenantId, new Tick())))).Sum();

    /// <summary>Legs still up, counted through each tenant's own listing.</summary>
    public async Task<int> LiveLegsAsync() =>
        (await Task.WhenAll(_meetings.Select(m => Tenants.Ask(m.TenantId, new ListLegs(m.MeetingId))))).Sum(legs => legs.Count(l => l.IsLive));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
