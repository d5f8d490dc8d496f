using System.Collections.Concurrent;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// Everything the Bot Framework SDK reaches over HTTP, answered in-process: the OpenID metadata and signing keys
/// (with one test RSA key), the app token endpoint and the connector's reply endpoint.
/// </summary>
/// <remarks>
/// Bot Builder 4.23 validates inbound tokens with a static HttpClient of its own, not the host's IHttpClientFactory,
/// but it keeps one configuration manager per metadata URL in a static cache and reuses the first one created.
/// <see cref="InstallKeys"/> creates those first, on this handler, so the host's unchanged validation code reads
/// the test keys. Replies and app tokens go through the host's IHttpClientFactory, whose primary handler is this.
/// </remarks>
public sealed class FakeBotFrameworkCloud : HttpMessageHandler
{
    public const string KeyId = "meetingbot-test-key";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EmulatorIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";

    /// <summary>One key for the process: the SDK caches signing keys per metadata URL in a static, across hosts.</summary>
    public static readonly RSA SigningKey = RSA.Create(2048);

    /// <summary>One instance for the process, for the same reason.</summary>
    public static readonly FakeBotFrameworkCloud Instance = new();

    private static int _installed;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<JObject> _replies = new();

    private FakeBotFrameworkCloud() { }

    /// <summary>Makes the SDK's channel and Emulator token validation fetch metadata and keys from this handler.</summary>
    public static void InstallKeys()
    {
        if (Interlocked.Exchange(ref _installed, 1) == 1) return;
        var client = new HttpClient(Instance, disposeHandler: false);
        foreach (var url in new[] { AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl, AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl })
            _ = new JwtTokenExtractor(client, new TokenValidationParameters(), url, AuthenticationConstants.AllowedSigningAlgorithms);
    }

    public IReadOnlyList<string> Requests => _requests.ToList();

    public IReadOnlyList<JObject> Replies => _replies.ToList();

    /// <summary>A token as the channel (or the Emulator) would sign it; pass another key or times to forge a bad one.</summary>
    public static string Token(string audience, string serviceUrl, RSA? key = null, DateTime? expires = null, bool emulator = false)
    {
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new("serviceurl", serviceUrl) };
        if (emulator) claims.AddRange([new Claim("ver", "1.0"), new Claim("appid", audience)]);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = emulator ? EmulatorIssuer : ChannelIssuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            NotBefore = (expires ?? now.AddHours(1)) < now ? now.AddHours(-2) : now.AddMinutes(-1),
            IssuedAt = (expires ?? now.AddHours(1)) < now ? now.AddHours(-2) : now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? SigningKey) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        };
        return new JwtSecurityTokenHandler().CreateEncodedJwt(descriptor);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        _requests.Enqueue($"{request.Method} {uri.GetLeftPart(UriPartial.Path)}");
        var path = uri.AbsolutePath;
        // The identity provider down: every metadata and key request under /unreachable/ fails as a gateway would.
        if (path.StartsWith("/unreachable/", StringComparison.OrdinalIgnoreCase)) return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        if (path.EndsWith("/keys", StringComparison.OrdinalIgnoreCase)) return Json(Keys());
        if (path.Contains("openid", StringComparison.OrdinalIgnoreCase)) return Json(Metadata(uri));
        if (path.Contains("/oauth2/", StringComparison.OrdinalIgnoreCase) && request.Method == HttpMethod.Post)
            return Json(new JObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = "test-app-token" });
        if (path.StartsWith("/v3/conversations/", StringComparison.OrdinalIgnoreCase) && request.Content is not null)
        {
            _replies.Enqueue(JObject.Parse(await request.Content.ReadAsStringAsync(cancellationToken)));
            return Json(new JObject { ["id"] = "reply-" + _replies.Count });
        }
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private static JObject Metadata(Uri uri) => new()
    {
        ["issuer"] = uri.Host.Contains("botframework", StringComparison.OrdinalIgnoreCase) ? ChannelIssuer : EmulatorIssuer,
        ["authorization_endpoint"] = $"https://{uri.Host}/authorize",
        ["jwks_uri"] = $"https://{uri.Host}/test/keys",
        ["id_token_signing_alg_values_supported"] = new JArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JArray("private_key_jwt"),
    };

    private static JObject Keys()
    {
        var p = SigningKey.ExportParameters(false);
        return new JObject
        {
            ["keys"] = new JArray(new JObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                ["endorsements"] = new JArray("msteams", "emulator", "webchat", "directline"),
            }),
        };
    }

    private static HttpResponseMessage Json(JObject body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body.ToString(), Encoding.UTF8, "application/json") };
}
