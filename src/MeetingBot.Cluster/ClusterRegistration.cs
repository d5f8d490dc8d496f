using System.Net;
using System.Text.Json;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using MeetingBot.Engine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace MeetingBot.Cluster;

public static class ClusterRegistration
{
    /// <summary>
    /// Co-hosts an Orleans silo: one on 127.0.0.1 by default, or a member of the Redis-clustered fleet. Engine
    /// snapshots cross the grain boundary as JSON (the engine references no Orleans assembly); commands and
    /// results use Orleans' generated serializers.
    /// </summary>
    public static IHostApplicationBuilder AddMeetingBotCluster(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(MeetingBotClusterOptions.Section);
        var options = section.Get<MeetingBotClusterOptions>() ?? new MeetingBotClusterOptions();
        options.Validate();
        if (options.SiloPort == 0) options.SiloPort = FreeLoopbackPort();
        if (options.GatewayPort == 0) options.GatewayPort = FreeLoopbackPort();
        builder.Services.AddOptions<MeetingBotClusterOptions>().Bind(section);
        builder.Services.AddMeetingBotTenants();

        builder.UseOrleans(silo =>
        {
            var address = IPAddress.Parse(options.AdvertisedAddress);
            if (options.Provider == ClusterProvider.Redis)
            {
                var redis = options.Redis is { Length: > 0 } r ? r : builder.Configuration["MeetingBot:Redis"];
                if (string.IsNullOrWhiteSpace(redis))
                    throw new InvalidOperationException($"{MeetingBotClusterOptions.Section}:Provider is Redis but neither {MeetingBotClusterOptions.Section}:Redis nor MeetingBot:Redis is set.");
                silo.UseRedisClustering(o => o.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                silo.ConfigureEndpoints(address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
                silo.Configure<Orleans.Configuration.ClusterOptions>(o => { o.ClusterId = options.ClusterId; o.ServiceId = options.ClusterId; });
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    o.ProbeTimeout = options.ProbeTimeout;
                    o.NumMissedProbesLimit = options.NumMissedProbes;
                    o.NumVotesForDeathDeclaration = 1;
                });
            }
            else
            {
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ClusterId, clusterId: options.ClusterId);
            }
            // Orleans' default grain location cache holds a million entries and allocates its table for all of them at
            // start (9.3 MB, the largest object of a host's heap); this product's grains are its tenants.
            silo.Configure<GrainDirectoryOptions>(o => o.CacheSize = options.GrainLocationCacheSize);
            silo.AddMeetingBotSerialization();
        });
        StartSiloInBackground(builder.Services);
        return builder;
    }

    /// <summary>Swaps Orleans' hosted service for <see cref="BackgroundSiloStart"/>, in the same place of the start order.</summary>
    private static void StartSiloInBackground(IServiceCollection services)
    {
        var index = -1;
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.Assembly == typeof(Silo).Assembly)
            {
                if (index >= 0) throw new InvalidOperationException("Orleans registered more than one hosted service; the background silo start expects one.");
                index = i;
            }
        }
        if (index < 0) throw new InvalidOperationException("Orleans' hosted service was not found; the background silo start cannot replace it.");
        var siloService = services[index].ImplementationType!;
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<BackgroundSiloStart>(sp, siloService));
        services[index] = ServiceDescriptor.Singleton<IHostedService>(sp => sp.GetRequiredService<BackgroundSiloStart>());
    }

    /// <summary>
    /// Begins the silo's start now, on the thread pool, instead of when the host starts: the rest of the host's set-up
    /// (its request pipeline, endpoints and other hosted services) then runs beside the silo's construction, which is
    /// the longest part of a cold start (docs/benchmarks.md §5). Call it once the host is built and about to run; the
    /// host's start then finds the silo already starting, and its stop stops it as usual. Does nothing for a host
    /// without <see cref="AddMeetingBotCluster"/> or whose silo already began.
    /// </summary>
    public static void BeginSiloStart(this IServiceProvider services) => services.GetService<BackgroundSiloStart>()?.Begin();

    /// <summary>What every silo hosting tenant grains needs besides the engine's own ports (clock, events, journal).</summary>
    public static IServiceCollection AddMeetingBotTenants(this IServiceCollection services)
    {
        // The product's clock: the host's own unless it registered another (the demo clock, a test's fake one).
        services.TryAddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, (sp, _) => sp.GetService<TimeProvider>() ?? TimeProvider.System);
        services.TryAddSingleton<TenantCatalog>();
        services.TryAddSingleton<TenantEngineFactory>();
        services.TryAddSingleton<ITenants, GrainTenants>();
        services.TryAddSingleton<ClusterReadiness>();
        services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(sp => new ClusterReadiness.Participant(sp.GetRequiredService<ClusterReadiness>()));
        return services;
    }

    /// <summary>Engine snapshots travel as JSON; commands and EngineResult use generated serializers and the surrogate.</summary>
    public static ISiloBuilder AddMeetingBotSerialization(this ISiloBuilder silo)
    {
        // Between silos engine values go as JSON. Within one silo (a host calling a tenant it owns) Orleans copies what
        // a call passes; engine records cannot change, so they are handed over as they are (4x cheaper grain calls,
        // docs/benchmarks.md §3), and only the rest is copied through JSON.
        silo.Services.AddSingleton<IGeneralizedCopier, ImmutableEngineValueCopier>();
        silo.Services.AddSerializer(s => s.AddJsonSerializer(IsEngineType, type => IsEngineType(type) && !ImmutableEngineValueCopier.IsImmutable(type),
            o => o.Configure(json => json.SerializerOptions = new JsonSerializerOptions { IgnoreReadOnlyProperties = true })));
        // In the Development environment Orleans checks, at every start, that every grain interface's parameter and
        // return types (its own system grains' too) can be serialized and copied: tens of milliseconds of the silo's
        // start, which the Emulator's local runs pay on each cold start (docs/benchmarks.md §5). The same check runs
        // in the tests instead (SerializationAnalysisTests), where a type that cannot cross a grain call fails the build.
        silo.Services.Configure<Orleans.Serialization.Configuration.TypeManifestOptions>(o => o.EnableConfigurationAnalysis = false);
        return silo;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Engine records and enums go as JSON; <see cref="EngineResult{T}"/> has its own surrogate.</summary>
    internal static bool IsEngineType(Type type) =>
        type.Assembly == typeof(ConferenceEngine).Assembly && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EngineResult<>));
}
