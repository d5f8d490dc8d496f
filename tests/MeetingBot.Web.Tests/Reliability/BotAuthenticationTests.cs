using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// /api/messages with an app id configured: only activities signed by the channel's (here, the test) key for this
/// app id, unexpired, reach the bot. Everything else is 401 and the bot never runs.
/// </summary>
public sealed class BotAuthenticationTests(SecuredBotHostFactory host) : IClassFixture<SecuredBotHostFactory>
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private static StringContent Activity(string channelId, string id, string text, string aadTenantId = SecuredBotHostFactory.AadTenantId) => new(new JObject
    {
        // Replies come back in the HTTP answer: sending them to a channel would need an app token from the cloud.
        ["deliveryMode"] = "expectReplies",
        ["type"] = "message",
        ["id"] = id,
        ["serviceUrl"] = ServiceUrl,
        ["channelId"] = channelId,
        ["from"] = new JObject { ["id"] = "29:adele", ["name"] = "Adele Vance", ["aadObjectId"] = SecuredBotHostFactory.AdelesObjectId },
        ["conversation"] = new JObject { ["id"] = "a:conv-" + id, ["conversationType"] = "personal", ["tenantId"] = aadTenantId },
        ["channelData"] = new JObject { ["tenant"] = new JObject { ["id"] = aadTenantId } },
        ["recipient"] = new JObject { ["id"] = "28:" + SecuredBotHostFactory.AppId, ["name"] = "MeetingBot" },
        ["text"] = text,
    }.ToString(), Encoding.UTF8, "application/json");

    private async Task<HttpResponseMessage> PostAsync(string? token, string channelId = "msteams", string? id = null, string text = "help",
        string aadTenantId = SecuredBotHostFactory.AadTenantId)
    {
        using var client = host.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Activity(channelId, id ?? Guid.NewGuid().ToString("N"), text, aadTenantId) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    private int RepliesTo(string id) => host.Cloud.Replies.Count(r => (string?)r["replyToId"] == id);

    private static async Task<JArray> ExpectedRepliesAsync(HttpResponseMessage response) =>
        (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;

    public static TheoryData<string, string> Forged()
    {
        using var other = RSA.Create(2048);
        return new()
        {
            { "no header", "" },
            { "not a JWT", "not-a-token" },
            { "three empty-looking JWT parts", "a.b.c" },
            { "signed by another key", FakeBotFrameworkCloud.Token(SecuredBotHostFactory.AppId, ServiceUrl, key: other) },
            { "expired", FakeBotFrameworkCloud.Token(SecuredBotHostFactory.AppId, ServiceUrl, expires: DateTime.UtcNow.AddHours(-1)) },
            { "another bot's app id", FakeBotFrameworkCloud.Token("00000000-0000-0000-0000-000000000001", ServiceUrl) },
            { "another serviceUrl", FakeBotFrameworkCloud.Token(SecuredBotHostFactory.AppId, "https://evil.example/") },
            { "emulator token for another app", FakeBotFrameworkCloud.Token("00000000-0000-0000-0000-000000000001", ServiceUrl, emulator: true) },
        };
    }

    [Theory]
    [MemberData(nameof(Forged))]
    public async Task PostMessages_UnsignedOrWronglySigned_Answers401AndBotNeverRuns(string what, string token)
    {
        var id = "forged-" + Guid.NewGuid().ToString("N");

        var response = await PostAsync(token.Length == 0 ? null : token, id: id);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        // The API's generic error body, nothing about why the token failed.
        var error = await response.Content.ReadFromJsonAsync<MeetingBot.Web.Api.ApiError>();
        Assert.Equal(MeetingBot.Web.Api.ApiErrorBodies.For(401), error);
        Assert.Equal(0, RepliesTo(id));
    }

    [Fact]
    public async Task PostMessages_ValidChannelToken_Answers200AndBotReplies()
    {
        var id = "valid-" + Guid.NewGuid().ToString("N");

        var response = await PostAsync(FakeBotFrameworkCloud.Token(SecuredBotHostFactory.AppId, ServiceUrl), id: id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(await ExpectedRepliesAsync(response), a => ((string?)a["text"] ?? "").Contains("help", StringComparison.OrdinalIgnoreCase)
            || a["attachments"] is JArray { Count: > 0 });
        // Validation used the in-process metadata and keys, never the network.
        Assert.Contains(host.Cloud.Requests, r => r.EndsWith("/test/keys", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostMessages_ValidChannelToken_TheSenderIsTheDirectoryUserTeamsNames()
    {
        var response = await PostAsync(FakeBotFrameworkCloud.Token(SecuredBotHostFactory.AppId, ServiceUrl), text: "whoami");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("**Adele Vance**", (string?)Assert.Single(await ExpectedRepliesAsync(response))["text"]);
    }

    [Fact]
    public async Task PostMessages_ValidTokenFromAnOrganizationNotServed_OnlyThePoliteRefusal()
    {
        const string stranger = "d1e2f3a4-0000-4000-8000-0000000000aa";

        var response = await PostAsync(FakeBotFrameworkCloud.Token(SecuredBotHostFactory.AppId, ServiceUrl), text: "add funds 777", aadTenantId: stranger);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Web.Bot.ChatIdentityResolver.UnknownOrganization(stranger), (string?)Assert.Single(await ExpectedRepliesAsync(response))["text"]);
    }

    [Fact]
    public async Task PostMessages_ValidEmulatorToken_OutsideLocalDevMode_IsToldMeetingBotAnswersInTeams()
    {
        var id = "emulator-" + Guid.NewGuid().ToString("N");

        var response = await PostAsync(FakeBotFrameworkCloud.Token(SecuredBotHostFactory.AppId, ServiceUrl, emulator: true), channelId: "emulator", id: id, text: "act as nestor");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Web.Bot.ChatIdentityResolver.OnlyTeams, (string?)Assert.Single(await ExpectedRepliesAsync(response))["text"]);
    }
}
