using System.Net;
using MeetingBot.Cluster;
using MeetingBot.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Composition;

/// <summary>
/// The web server listens while the host's silo is still starting; <c>/healthz/ready</c> tells a load balancer when
/// this host can serve tenants (<c>/healthz</c> only says the process is alive).
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_AnswersReady_OnceTheSiloIsUp()
    {
        await using var host = new MeetingBotAppFactory(new Dictionary<string, string?>());
        using var http = host.CreateClient();
        var readiness = host.Services.GetRequiredService<ClusterReadiness>();

        // Whatever the answer while starting, it is one of the two documented ones.
        using (var early = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative)))
        {
            Assert.Contains(early.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
            if (early.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                Assert.Equal("starting", await early.Content.ReadAsStringAsync());
                Assert.Equal(TimeSpan.FromSeconds(1), early.Headers.RetryAfter?.Delta);
            }
        }

        await host.Services.GetRequiredService<ITenants>().Ask(host.Services.GetRequiredService<TenantCatalog>().TenantIds.First(), new MeetingBot.Cluster.Commands.Ping());
        Assert.True(readiness.IsReady);
        using var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("\"ready\"", await ready.Content.ReadAsStringAsync());
    }
}
