using System.Net;
using System.Net.Http.Json;
using MeetingBot.Web.Composition;
using MeetingBot.Web.Tests.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>Local dev mode is on for the local demo only; a production start-up with it, or with no authentication at all, is refused.</summary>
public sealed class LocalDevModeTests
{
    private const string AppId = "7f2b8c1e-4d4a-4b4e-9f55-0c6c1f0e5a11";

    [Theory]
    [InlineData("Development", null, null, false, true)]
    [InlineData("Development", "true", null, false, true)]
    [InlineData("Development", null, AppId, false, false)] // a real registration in Development: tokens, no dev routes
    [InlineData("Production", null, AppId, false, false)]
    [InlineData("Production", "false", AppId, false, false)]
    [InlineData("Production", "true", null, true, true)] // the explicit, loudly logged override
    [InlineData("Staging", "true", AppId, true, true)]
    public void Resolve_SafeCombinations_GiveTheEffectiveSetting(string environment, string? setting, string? appId, bool allowOverride, bool expected) =>
        Assert.Equal(expected, LocalDevMode.Resolve(Config(setting, appId, allowOverride), Env(environment)));

    [Theory]
    [InlineData("Production", "true", null, "anyone could sign in as any user")]
    [InlineData("Development", "true", AppId, "with a Bot Framework app id or password configured")]
    [InlineData("Production", null, null, "nothing would authenticate /api/messages")]
    [InlineData("Development", "false", null, "nothing would authenticate /api/messages")]
    [InlineData("Development", "yes", null, "must be true or false")]
    public void Resolve_UnsafeOrUnclear_RefusesWithTheReason(string environment, string? setting, string? appId, string reason)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => LocalDevMode.Resolve(Config(setting, appId, allowOverride: false), Env(environment)));
        Assert.Contains(reason, ex.Message);
    }

    [Fact]
    public async Task ProductionHost_WithAnAppRegistration_HasNoDevRoutesAndNoAnonymousBot()
    {
        await using var host = new MeetingBotAppFactory(new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
        }, environment: "Production");
        using var http = host.CreateClient();

        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/dev/signin", new { userId = "nestor" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("/api/dev/users")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/dev/clock/advance", new { minutes = 60 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync("/api/sim/dialin", new { dialedNumber = "+14056660187", callerNumber = "+12125550100" })).StatusCode);
        var anonymous = await http.PostAsJsonAsync("/api/messages", new
        {
            type = "message", text = "act as nestor", channelId = "emulator", serviceUrl = "http://127.0.0.1:9/",
            from = new { id = "user-1" }, conversation = new { id = "conv-1" },
        });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public void ProductionHost_WithNeitherDevModeNorAppRegistration_DoesNotStart()
    {
        using var host = new MeetingBotAppFactory(environment: "Production");

        var ex = Assert.ThrowsAny<Exception>(() => host.CreateClient());

        Assert.Contains("nothing would authenticate /api/messages", ex.ToString());
    }

    private static IConfiguration Config(string? setting, string? appId, bool allowOverride)
    {
        var values = new Dictionary<string, string?> { ["MicrosoftAppId"] = appId };
        if (setting is not null) values[LocalDevMode.Key] = setting;
        if (allowOverride) values[LocalDevMode.OverrideKey] = "true";
        return new ConfigurationBuilder().AddInMemoryCollection(values).Build();
    }

    private static IHostEnvironment Env(string name) => new HostingEnvironment { EnvironmentName = name };
}
