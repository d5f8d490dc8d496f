using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace MeetingBot.Cluster.Tests;

/// <summary>
/// Each host's cache of grain locations is sized for a deployment's tenants (MeetingBot:Cluster:GrainLocationCacheSize),
/// not Orleans' default of a million entries, whose table is allocated whole at every start (docs/benchmarks.md §6).
/// </summary>
public sealed class GrainLocationCacheTests
{
    [Fact]
    public void TheSilosLocationCache_HoldsTenThousandEntries_ByDefault()
    {
        using var host = Build([]);
        Assert.Equal(10_000, host.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value.CacheSize);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("250000", 250_000)]
    public void TheSilosLocationCache_IsTheConfiguredSize(string configured, int expected)
    {
        using var host = Build(new() { ["MeetingBot:Cluster:GrainLocationCacheSize"] = configured });
        Assert.Equal(expected, host.Services.GetRequiredService<IOptions<GrainDirectoryOptions>>().Value.CacheSize);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("10000001")]
    public void ASizeOutOfRange_StopsTheHostBeforeItStarts_NamingTheSetting(string configured)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build(new() { ["MeetingBot:Cluster:GrainLocationCacheSize"] = configured }));
        Assert.Contains("MeetingBot:Cluster:GrainLocationCacheSize must be from 0 (no cache) to 10,000,000 entries", error.Message);
    }

    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(settings)
        {
            ["MeetingBot:Cluster:SiloPort"] = "0",
            ["MeetingBot:Cluster:GatewayPort"] = "0",
        });
        builder.AddMeetingBotCluster();
        return builder.Build();
    }
}
