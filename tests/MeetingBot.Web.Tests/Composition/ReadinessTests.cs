using System.Net;
using MeetingBot.Cluster;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.TestHost;
using MeetingBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace MeetingBot.Web.Tests.Composition;

/// <summary>
/// The web server listens while the host's silo is still starting; <c>/healthz/ready</c> tells a load balancer when
/// this host can serve tenants, while <c>/healthz</c> only says the process is alive.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task WhileTheSiloStarts_ReadyAnswers503Starting_LivenessAnswersOk_ThenReadyOnceItIsUp()
    {
        var siloMayStart = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var factory = new MeetingBotAppFactory();
        await using var host = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(new SiloStartGate(siloMayStart.Task))));
        using var http = host.CreateClient();

        using (var starting = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, starting.StatusCode);
            Assert.Equal("starting", await starting.Content.ReadAsStringAsync());
            Assert.Equal(TimeSpan.FromSeconds(1), starting.Headers.RetryAfter?.Delta);
        }
        using (var alive = await http.GetAsync(new Uri("/healthz", UriKind.Relative)))
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);

        siloMayStart.SetResult();
        var tenants = host.Services.GetRequiredService<ITenants>();
        await tenants.Ask(tenants.Catalog.TenantIds.First(), new MeetingBot.Cluster.Commands.Ping());
        using var ready = await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("\"ready\"", await ready.Content.ReadAsStringAsync());
    }
}
