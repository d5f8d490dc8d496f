using MeetingBot.ManifestPackager;
using Microsoft.Extensions.Configuration;

namespace MeetingBot.Manifest.Tests;

public sealed class AppPackageSettingsTests
{
    private static IConfiguration Configuration(string? botId, string? publicBaseUrl) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [AppPackageSettings.BotIdKey] = botId,
                [AppPackageSettings.PublicBaseUrlKey] = publicBaseUrl,
            })
            .Build();

    [Fact]
    public void FromConfiguration_ValidValues_ReadsBotIdAndHost()
    {
        var settings = AppPackageSettings.FromConfiguration(
            Configuration(" 3F2504E0-4F89-11D3-9A0C-0305E82C3301 ", "https://bot.contoso.example:8443/base"));

        Assert.Equal(Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), settings.BotId);
        Assert.Equal("bot.contoso.example", settings.HostName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FromConfiguration_BotIdEmpty_ThrowsNamingTheKey(string? botId)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => AppPackageSettings.FromConfiguration(Configuration(botId, "https://bot.contoso.example")));

        Assert.Contains("MicrosoftAppId", error.Message);
    }

    [Theory]
    [InlineData("meetingbot")]
    [InlineData("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public void FromConfiguration_BotIdNotARealGuid_Throws(string botId)
    {
        Assert.Throws<InvalidOperationException>(
            () => AppPackageSettings.FromConfiguration(Configuration(botId, "https://bot.contoso.example")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("bot.contoso.example")]
    [InlineData("ftp://bot.contoso.example")]
    public void FromConfiguration_PublicBaseUrlNotHttp_ThrowsNamingTheKey(string? url)
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => AppPackageSettings.FromConfiguration(Configuration("3f2504e0-4f89-11d3-9a0c-0305e82c3301", url)));

        Assert.Contains("PublicBaseUrl", error.Message);
    }
}
