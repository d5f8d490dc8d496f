using MeetingBot.Cluster;
using MeetingBot.Web.Engine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// The host as deployed for Teams: a Bot Framework app id and password, local dev mode off, and every outgoing
/// HTTP request of the SDK answered by <see cref="FakeBotFrameworkCloud"/> (keys, app tokens, connector).
/// </summary>
public class SecuredBotHostFactory : WebApplicationFactory<Program>
{
    public const string AppId = "5b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    /// <summary>The demo tenant's Microsoft Entra tenant id here, and Adele's object id (she is the first seeded user).</summary>
    public const string AadTenantId = "c0a7e5b1-1111-4222-8333-944455556666";
    public const string AdelesObjectId = "a0000000-0000-4000-8000-00000000ade1";

    public SecuredBotHostFactory() => FakeBotFrameworkCloud.InstallKeys();

    public FakeBotFrameworkCloud Cloud => FakeBotFrameworkCloud.Instance;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 3, 9, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MicrosoftAppType", "MultiTenant");
        builder.UseSetting("MicrosoftAppId", AppId);
        builder.UseSetting("MicrosoftAppPassword", "not-a-real-secret");
        builder.UseSetting("MeetingBot:LocalDevMode", "false");
        builder.UseSetting("DemoTenant:AadTenantId", AadTenantId);
        builder.UseSetting("DemoTenant:Users:0:AadObjectId", AdelesObjectId);
        builder.UseSetting("MeetingBot:Engine:AutoAnswerAfter", "00:00:00");
        // Parallel test hosts each get their own silo ports.
        builder.UseSetting("MeetingBot:Cluster:SiloPort", "0");
        builder.UseSetting("MeetingBot:Cluster:GatewayPort", "0");
        // Time moves only when a test says so: no grain timer ticks between its steps.
        builder.UseSetting("MeetingBot:Cluster:TickInterval", "00:00:00");
        builder.UseSetting("MeetingBot:Storage:Provider", "None");
        builder.ConfigureTestServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, Time); // the product's clock
            services.ConfigureHttpClientDefaults(b => b.ConfigurePrimaryHttpMessageHandler(() => Cloud));
        });
    }
}
