using System.Net;
using MeetingBot.Web.Composition;
using MeetingBot.Web.Tests.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MeetingBot.Web.Tests.Composition;

/// <summary>
/// Work that no first answer needs stays out of the host's start (docs/benchmarks.md §5): Data Protection's key ring
/// is loaded at the first sign-in, not by a hosted service of its own before the web server listens.
/// </summary>
public sealed class StartPathTests
{
    [Fact]
    public async Task TheHostsStart_LoadsNoDataProtectionKeys_AndASignInStillIssuesATokenThatWorks()
    {
        // The framework still has the service: the check below would pass vacuously if it had been renamed.
        Assert.NotNull(Type.GetType($"{HostingExtensions.DataProtectionHostedService}, Microsoft.AspNetCore.DataProtection"));
        await using var host = new MeetingBotAppFactory();
        _ = host.Server;

        var hosted = host.Services.GetServices<IHostedService>().Select(s => s.GetType().FullName).ToList();
        Assert.NotEmpty(hosted);
        Assert.DoesNotContain(HostingExtensions.DataProtectionHostedService, hosted);

        using var client = await host.ClientForAsync("adele");
        var me = await client.GetAsync("/api/meetings");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var anonymous = host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/meetings")).StatusCode);
    }
}
