using System.Net.Http.Json;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Composition;
using MeetingBot.Web.Tests.Api;
using Microsoft.Extensions.Configuration;

namespace MeetingBot.Web.Tests.Composition;

/// <summary>Invite and join links point at the address the host really serves, unless a public URL is configured.</summary>
public sealed class PublicAddressTests
{
    [Theory]
    [InlineData(null, null, "http://localhost:3978")]
    [InlineData("", "http://localhost:3978", "http://localhost:3978")]
    [InlineData("", "http://0.0.0.0:5123", "http://localhost:5123")]
    [InlineData("", "http://*:8080;https://*:8443", "http://localhost:8080")]
    [InlineData("", "http://+:80", "http://localhost")]
    [InlineData("", "https://[::]:9443", "https://localhost:9443")]
    [InlineData("", "http://192.168.1.20:3978/", "http://192.168.1.20:3978")]
    [InlineData("https://meetingbot.contoso.example/", "http://0.0.0.0:5123", "https://meetingbot.contoso.example")]
    [InlineData("", "not a url", "http://localhost:3978")]
    public void From_ConfiguredPublicUrlElseTheFirstListenAddress(string? publicBaseUrl, string? urls, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MeetingBot:PublicBaseUrl"] = publicBaseUrl,
            ["urls"] = urls,
        }).Build();

        Assert.Equal(expected, PublicAddress.From(configuration));
    }

    [Fact]
    public async Task Host_OnAnotherPort_SendsInvitesThatPointThere()
    {
        await using var host = new MeetingBotAppFactory(new Dictionary<string, string?>
        {
            ["MeetingBot:PublicBaseUrl"] = "",
            ["urls"] = "http://0.0.0.0:5123",
        });
        using var adele = await host.ClientForAsync("adele");

        var meeting = await (await adele.PostAsJsonAsync("/api/meetings", new { subject = "Moved" })).Content.ReadFromJsonAsync<MeetingView>();

        Assert.StartsWith("http://localhost:5123/meet/", meeting!.Invite.JoinUrl);
        Assert.StartsWith("http://localhost:5123/dialin/", meeting.Invite.DialIn!.FindLocalNumberUrl);
    }
}
