using System.Net.Http.Json;
using System.Text;
using CsCheck;
using MeetingBot.Cluster.Commands;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Tests.Api;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// Property: every API route that takes a JSON body, fed random JSON (random shapes, wrong types, 1e308, -0, huge
/// strings, dates at the end of time, nulls, not JSON at all), never answers 5xx; every refusal carries
/// <c>{error, message}</c> and leaves the tenant as it was (users, licenses, PIN, meetings, legs, balance,
/// auto-recharge, read back before and after). Sampled from <see cref="JsonGen.Seed"/>.
/// </summary>
public sealed class ApiBodyPropertyTests : IAsyncLifetime
{
    private const int Iterations = 400;

    // Rate limits would answer most dial-outs with 429 after the tenth: raised so random bodies reach the engine.
    private readonly MeetingBotAppFactory _host = new(new Dictionary<string, string?>
    {
        ["MeetingBot:Api:DialOutsPerMinute"] = "1000000",
        ["MeetingBot:Engine:MaxDialOutsPerUserPerMinute"] = "1000000",
        ["MeetingBot:Engine:MaxDialOutsPerTenantPerMinute"] = "1000000",
    });
    private readonly Dictionary<string, HttpClient> _clients = [];
    private string _meetingId = "";
    private string _sessionId = "";

    public async Task InitializeAsync()
    {
        foreach (var user in new[] { "adele", "nestor" }) _clients[user] = await _host.ClientForAsync(user);
        _clients["anonymous"] = _host.CreateClient();
        var meeting = await (await _clients["adele"].PostAsJsonAsync("/api/meetings", new { subject = "Properties" })).Content.ReadFromJsonAsync<MeetingView>();
        _meetingId = meeting!.Id;
        var session = await _clients["adele"].PostAsJsonAsync("/api/sim/dialin", new { dialedNumber = "+14056660187", callerNumber = "+12125550100" });
        _sessionId = (await session.Content.ReadFromJsonAsync<DialInSessionView>())!.Id;
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients.Values) client.Dispose();
        await _host.DisposeAsync();
    }

    private static readonly Gen<string> Users = Gen.OneOf("adele", "megan", "lee", "alex", "nestor", "nobody", "ADELE", "a.b-c_d");
    private static readonly Gen<string> Skus = Gen.OneOf("AudioConferencingMonthly", "MCOMEETADD", "MCOPSTNPP", "CommunicationsCredits", "mcomeetadd", "1", "");

    /// <summary>Every route of the API that binds a JSON body, with who calls it and the fields it reads.</summary>
    private static readonly (string Who, string Method, string Path, Gen<string> Body)[] Routes =
    [
        ("adele", "POST", "/api/meetings", JsonGen.Body(("subject", JsonGen.StringToken), ("start", JsonGen.Date.Select(JsonGen.Quote)), ("durationMinutes", JsonGen.Count))),
        ("adele", "POST", "/api/meetings/{m}/join", JsonGen.Body(("audio", Gen.OneOf("computer", "none", "phone", "COMPUTER ", "").Select(JsonGen.Quote)))),
        ("adele", "POST", "/api/meetings/{m}/phone/preview", JsonGen.Body(("number", JsonGen.Digits.Select(JsonGen.Quote)))),
        ("adele", "POST", "/api/meetings/{m}/callme", JsonGen.Body(("number", JsonGen.Digits.Select(JsonGen.Quote)))),
        ("adele", "POST", "/api/meetings/{m}/participants/phone", JsonGen.Body(("number", JsonGen.Digits.Select(JsonGen.Quote)))),
        ("adele", "PUT", "/api/meetings/{m}/lobby", JsonGen.Body(("bypass", Gen.OneOf("Everyone", "PeopleInMyOrganization", "OnlyOrganizer", "everyone", "2", "").Select(JsonGen.Quote)), ("dialInCallersBypass", JsonGen.Bool))),
        ("adele", "PUT", "/api/me/pin", JsonGen.Body(("pin", JsonGen.Digits.Select(JsonGen.Quote)))),
        ("adele", "POST", "/api/sim/dialin", JsonGen.Body(("dialedNumber", JsonGen.Digits.Select(JsonGen.Quote)), ("callerNumber", JsonGen.Digits.Select(JsonGen.Quote)))),
        ("adele", "POST", "/api/sim/dialin/{s}/digits", JsonGen.Body(("digits", JsonGen.Digits.Select(JsonGen.Quote)))),
        ("adele", "POST", "/api/dev/clock/advance", JsonGen.Body(("minutes", JsonGen.Count))),
        ("anonymous", "POST", "/api/dev/signin", JsonGen.Body(("userId", Users.Select(JsonGen.Quote)), ("tenantId", Gen.OneOf("contoso", "fabrikam", "", "CONTOSO").Select(JsonGen.Quote)))),
        ("nestor", "POST", "/api/admin/users/{u}/licenses", JsonGen.Body(("sku", Skus.Select(JsonGen.Quote)))),
        ("nestor", "PUT", "/api/admin/users/{u}/dialout", JsonGen.Body(("permission", Gen.OneOf("AnyDestination", "InSameCountryOrRegion", "DontAllow", "dontallow", "0", "").Select(JsonGen.Quote)))),
        ("nestor", "POST", "/api/admin/credits/funds", JsonGen.Body(("amount", JsonGen.Number))),
        ("nestor", "PUT", "/api/admin/credits/autorecharge", JsonGen.Body(("enabled", JsonGen.Bool), ("threshold", JsonGen.Number), ("amount", JsonGen.Number))),
    ];

    private static readonly Gen<(int Route, string User, string Body, string ContentType)> Requests =
        Gen.Int[0, Routes.Length - 1].SelectMany(route => Gen.Select(Gen.Const(route), Users, Routes[route].Body,
            Gen.Frequency((12, Gen.Const("application/json")), (1, Gen.OneOf("text/plain", "application/json; charset=utf-16", "application/x-www-form-urlencoded", "")))));

    [Fact]
    public async Task AnyJsonBody_OnEveryBodyRoute_Never5xx_RefusalsCarryErrorBodyAndChangeNothing()
    {
        // One request at a time: each refusal is checked against the state read just before it.
        await Requests.SampleAsync(async request =>
        {
            var (who, method, template, _) = Routes[request.Route];
            var path = template.Replace("{m}", _meetingId, StringComparison.Ordinal).Replace("{s}", _sessionId, StringComparison.Ordinal)
                .Replace("{u}", request.User, StringComparison.Ordinal);
            var before = await StateAsync();
            using var message = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonGen.Content(request.Body, request.ContentType) };

            using var response = await _clients[who].SendAsync(message);

            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{method} {path}: {status} {await response.Content.ReadAsStringAsync()}");
            if (status < 400) return;
            var error = await ErrorBodyAsync(response);
            Assert.True(error is { Error.Length: > 0, Detail.Length: > 0, Title.Length: > 0 } && error.Type == ApiError.TypePrefix + error.Error && error.Status == status, $"{method} {path}: {status} without a problem-details body (type, title, status, detail, error)");
            Assert.Equal(before, await StateAsync());
        }, seed: JsonGen.Seed, iter: JsonGen.Iterations(Iterations), threads: 1, print: r => $"{Routes[r.Route].Method} {Routes[r.Route].Path} u={r.User} type={r.ContentType} body={Truncate(r.Body)}");
    }

    internal static async Task<ApiError?> ErrorBodyAsync(HttpResponseMessage response)
    {
        // Every error under /api and on /api/messages is problem details (RFC 9457).
        if (response.Content.Headers.ContentType?.MediaType != ApiError.ContentType) return null;
        try
        {
            return await response.Content.ReadFromJsonAsync<ApiError>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    internal static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + $"… ({text.Length} chars)";

    /// <summary>What a refusal must not change, read through the engine and through the API's own GETs.</summary>
    private async Task<string> StateAsync()
    {
        var text = new StringBuilder(await TwoTenants.SnapshotAsync(_host, "contoso"));
        // Refused dial-outs are audited on purpose: the audit count may grow, nothing else may.
        text.Replace(text.ToString().Split('\n').Single(l => l.StartsWith("audit ", StringComparison.Ordinal)), "");
        foreach (var u in await _host.Tenants.Ask("contoso", new ListUsers())) text.Append($"pin {u.Id} {u.OrganizerPin}\n");
        text.Append(await _clients["nestor"].GetStringAsync("/api/admin/credits")).Append('\n');
        text.Append(await _clients["nestor"].GetStringAsync("/api/admin/users")).Append('\n');
        text.Append(await _clients["adele"].GetStringAsync("/api/meetings")).Append('\n');
        return text.ToString();
    }
}
