using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Persistence;
using MeetingBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.Serialization.Configuration;
using Orleans.Serialization.Serializers;

namespace MeetingBot.Cluster.Tests;

/// <summary>
/// Every type that crosses a grain call (the parameters and results of every grain interface, Orleans' own included)
/// has a serializer and a copier in the silo's configuration. Orleans can check this at each start in the Development
/// environment; the product turns that off to start faster, so the check runs here.
/// </summary>
public sealed class SerializationAnalysisTests
{
    [Fact]
    public void TheSilosSerializerConfiguration_CoversEveryGrainInterfaceSignature_AndTheStartDoesNotAnalyzeIt()
    {
        using var host = BuildProductHost();

        var options = host.Services.GetRequiredService<IOptions<TypeManifestOptions>>().Value;
        var complaints = SerializerConfigurationAnalyzer.AnalyzeSerializerAvailability(host.Services.GetRequiredService<ICodecProvider>(), options);

        Assert.Contains(typeof(ITenantGrain), options.Interfaces); // the product's grain interface is analyzed
        Assert.Empty(complaints.Keys.Select(t => t.FullName));
        Assert.False(options.EnableConfigurationAnalysis);
    }

    private static IHost BuildProductHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MeetingBot:Cluster:SiloPort"] = "0",
            ["MeetingBot:Cluster:GatewayPort"] = "0",
            ["MeetingBot:Cluster:ClusterId"] = $"analysis-{Guid.NewGuid():N}",
        });
        var services = builder.Services;
        services.AddSingleton(new EngineOptions());
        services.AddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, new FakeTimeProvider());
        services.AddSingleton<IEngineEvents>(NullEngineEvents.Instance);
        services.AddSingleton<IPaymentGateway, AlwaysApprovePaymentGateway>();
        services.AddSingleton<IEngineJournal>(NullEngineJournal.Instance);
        services.AddSingleton(new TenantCatalog());
        builder.AddMeetingBotCluster();
        return builder.Build();
    }
}
