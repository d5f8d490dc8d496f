using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>The Bot Framework's OpenID metadata cannot be fetched, so no channel token can be checked.</summary>
public sealed class UnreachableIdentityProviderTests(UnreachableIdentityProviderTests.Host host) : IClassFixture<UnreachableIdentityProviderTests.Host>
{
    /// <summary>The secured host, with the channel's OpenID metadata at an address the (fake) cloud answers 503.</summary>
    public sealed class Host : SecuredBotHostFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ToBotFromChannelOpenIdMetadataUrl", "http://127.0.0.1:9/unreachable/.well-known/openidconfiguration");
        }
    }

    [Fact]
    public async Task PostMessages_MetadataUnreachable_Answers503WithRetryAfter_AndTheBotNeverRuns()
    {
        const string serviceUrl = "https://smba.trafficmanager.net/amer/";
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var id = $"idp-down-{attempt}-{Guid.NewGuid():N}";
            using var client = host.CreateClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
            {
                Content = new StringContent(new JObject
                {
                    ["type"] = "message",
                    ["id"] = id,
                    ["serviceUrl"] = serviceUrl,
                    ["channelId"] = "msteams",
                    ["from"] = new JObject { ["id"] = "29:adele", ["name"] = "Adele Vance" },
                    ["conversation"] = new JObject { ["id"] = "a:conv-" + id },
                    ["recipient"] = new JObject { ["id"] = "28:" + SecuredBotHostFactory.AppId },
                    ["text"] = "help",
                }.ToString(), Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", FakeBotFrameworkCloud.Token(SecuredBotHostFactory.AppId, serviceUrl));

            var response = await client.SendAsync(request);

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"attempt {attempt}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()} requests: {string.Join(", ", host.Cloud.Requests.Distinct())}");
            Assert.NotNull(response.Headers.RetryAfter);
            Assert.DoesNotContain(host.Cloud.Replies, r => (string?)r["replyToId"] == id);
        }
        Assert.Contains(host.Cloud.Requests, r => r.Contains("/unreachable/", StringComparison.Ordinal));
    }
}
