using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.E2E.Tests.Infrastructure;

/// <summary>
/// The real host on a real loopback port (Kestrel, not the in-memory test server: a browser needs a socket), in
/// local dev mode with the demo clock, so the page's "Fast forward" button moves time. Phones answer at once.
/// </summary>
public sealed class LiveHost : WebApplicationFactory<Program>
{
    private Uri? _baseAddress;

    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("Call Start first.");

    public LiveHost Start()
    {
        // Kestrel refuses port 0 on "localhost"; an explicit loopback address gets a free port.
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        _baseAddress = new Uri(addresses.Single().TrimEnd('/') + "/");
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MeetingBot:LocalDevMode", "true");
        builder.UseSetting("MeetingBot:Engine:AutoAnswerAfter", "00:00:00");
        // Parallel test hosts each get their own silo ports.
        builder.UseSetting("MeetingBot:Cluster:SiloPort", "0");
        builder.UseSetting("MeetingBot:Cluster:GatewayPort", "0");
        // Every host starts from the seeded tenant: nothing is journaled to disk between test classes or runs.
        builder.UseSetting("MeetingBot:Storage:Provider", "None");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
