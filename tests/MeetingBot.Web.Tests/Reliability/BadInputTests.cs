using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Tests.Api;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>Table-driven bad input on the HTTP API: each gets a 4xx with an error body, never a 500, and changes nothing.</summary>
public sealed class BadInputTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _host = new();
    private HttpClient _adele = null!;
    private HttpClient _nestor = null!;
    private string _meetingId = "";

    public async Task InitializeAsync()
    {
        _adele = await _host.ClientForAsync("adele");
        _nestor = await _host.ClientForAsync("nestor");
        _meetingId = (await (await _adele.PostAsJsonAsync("/api/meetings", new { subject = "Inputs" })).Content.ReadFromJsonAsync<MeetingView>())!.Id;
    }

    public async Task DisposeAsync()
    {
        _adele.Dispose();
        _nestor.Dispose();
        await _host.DisposeAsync();
    }

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        // who, method+path, JSON body ("" = none), what
        { "adele", "POST /api/meetings/{m}/callme", "{\"number\":\"\"}", "empty number" },
        { "adele", "POST /api/meetings/{m}/callme", "{\"number\":\"abc\"}", "letters" },
        { "adele", "POST /api/meetings/{m}/callme", "{\"number\":\"+1 900 555 0100\"}", "premium rate" },
        { "adele", "POST /api/meetings/{m}/callme", "{\"number\":\"911\"}", "emergency" },
        { "adele", "POST /api/meetings/{m}/callme", "{\"number\":\"" + new string('9', 5000) + "\"}", "5000 digits" },
        { "adele", "POST /api/meetings/{m}/callme", "{\"number\":12}", "number as JSON number" },
        { "adele", "POST /api/meetings/{m}/callme", "{", "truncated JSON" },
        { "adele", "POST /api/meetings/{m}/phone/preview", "{\"number\":\"+\\u0000\\u202e1\"}", "control characters" },
        { "adele", "POST /api/meetings", "{\"subject\":\"" + new string('x', 60_000) + "\"}", "60 KB subject" },
        { "adele", "POST /api/meetings", "{\"subject\":\"ok\",\"durationMinutes\":-5}", "negative duration" },
        { "adele", "POST /api/meetings", "{\"subject\":\"\\ud800\"}", "subject escapes a lone surrogate" },
        { "adele", "POST /api/meetings", "{\"\\ud800\":1}", "field name escapes a lone surrogate" },
        { "adele", "POST /api/meetings", "{\"subject\":\"ok\",\"start\":\"yesterday\"}", "unparsable start" },
        { "adele", "POST /api/meetings", "{\"subject\":\"ok\",\"start\":\"9999-12-31T23:00:00Z\"}", "start at the end of time" },
        { "adele", "POST /api/meetings", "{\"subject\":\"ok\",\"start\":\"0001-01-01T00:00:00Z\"}", "start at the beginning of time" },
        { "adele", "POST /api/meetings", "{\"subject\":\"ok\",\"durationMinutes\":2147483647}", "duration of 4,000 years" },
        { "nestor", "POST /api/admin/credits/funds", "{\"amount\":0}", "zero amount" },
        { "nestor", "POST /api/admin/credits/funds", "{\"amount\":-10}", "negative amount" },
        { "nestor", "POST /api/admin/credits/funds", "{\"amount\":10.001}", "three decimals" },
        { "nestor", "POST /api/admin/credits/funds", "{\"amount\":10000000}", "ten million" },
        { "nestor", "POST /api/admin/credits/funds", "{\"amount\":\"1e400\"}", "amount as string" },
        { "nestor", "GET /api/admin/reports/usage?from=2025-03-10&to=2025-03-01", "", "from after to" },
        { "nestor", "GET /api/admin/reports/usage?from=1900-01-01&to=2025-03-01", "", "over 366 days" },
        { "nestor", "GET /api/admin/reports/usage?from=not-a-date", "", "unparsable date" },
        { "nestor", "GET /api/admin/reports/usage?columns=Charge,Password", "", "unknown column" },
        { "nestor", "GET /api/admin/reports/pools?months=25", "", "25 months" },
        { "nestor", "GET /api/admin/reports/pools?months=-1", "", "negative months" },
        { "nestor", "PUT /api/admin/users/megan/dialout", "{\"permission\":\"Everywhere\"}", "unknown permission" },
        { "nestor", "POST /api/admin/users/megan/licenses", "{\"sku\":\"FREE_MINUTES\"}", "unknown SKU" },
        { "adele", "POST /api/sim/dialin", "{\"dialedNumber\":\"+14056660187\",\"callerNumber\":\"x\"}", "bad caller number" },
        { "adele", "POST /api/meetings/999999/callme", "{\"number\":\"4055550100\"}", "unknown meeting" },
        { "adele", "POST /api/calls/not-a-leg/hangup", "", "unknown leg" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Request_BadInput_Answers4xxWithErrorBodyAndChangesNothing(string who, string route, string body, string what)
    {
        var before = await TwoTenants.SnapshotAsync(_host, "contoso");
        var (method, path) = (route.Split(' ')[0], route.Split(' ')[1].Replace("{m}", _meetingId, StringComparison.Ordinal));
        using var request = new HttpRequestMessage(new HttpMethod(method), path)
        {
            Content = body.Length == 0 ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };

        using var response = await (who == "nestor" ? _nestor : _adele).SendAsync(request);

        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{what}: {status}");
        // Also a body the JSON binder could not read (ASP.NET Core's own refusal) carries the API's error body.
        Assert.Equal(ApiError.ContentType, response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace((await response.Content.ReadFromJsonAsync<ApiError>())?.Detail), $"{what}: no message");
        // Refused dial-outs are audited (that is the point of the log); nothing else may change.
        Assert.Equal(Strip(before), Strip(await TwoTenants.SnapshotAsync(_host, "contoso")));
    }

    [Theory]
    [InlineData("anonymous", "GET", "/api/meetings", null, null, 401)]
    [InlineData("adele", "GET", "/api/admin/users", null, null, 403)]
    [InlineData("adele", "POST", "/api/meetings", "{\"subject\":\"x\"}", "text/plain", 415)]
    [InlineData("adele", "POST", "/api/meetings", "{", "application/json", 400)]
    [InlineData("adele", "POST", "/api/meetings", "{\"durationMinutes\":true}", "application/json", 400)]
    [InlineData("adele", "DELETE", "/api/meetings", null, null, 405)]
    public async Task Request_RefusedByTheFramework_CarriesTheErrorBodyToo(string who, string method, string path, string? body, string? contentType, int status)
    {
        using var anonymous = _host.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8, contentType!);

        using var response = await (who == "anonymous" ? anonymous : _adele).SendAsync(request);

        Assert.Equal(status, (int)response.StatusCode);
        var error = await response.Content.ReadFromJsonAsync<ApiError>();
        Assert.False(string.IsNullOrWhiteSpace(error?.Error));
        Assert.False(string.IsNullOrWhiteSpace(error?.Detail));
    }

    [Fact]
    public async Task Post_BodyOver64KB_RefusedBeforeTheEngineSeesIt()
    {
        var body = "{\"subject\":\"" + new string('x', (int)ApiRegistration.MaxRequestBodyBytes) + "\"}";

        using var response = await _adele.PostAsync("/api/meetings", new StringContent(body, Encoding.UTF8, "application/json"));

        // Kestrel answers 413; the in-memory test server reports the exceeded limit as a 400.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.BadRequest });
        Assert.Single((await _host.Tenants.Ask("contoso", new ListMeetings("adele"))));
    }

    private static string Strip(string snapshot) => string.Join('\n', snapshot.Split('\n').Where(l => !l.StartsWith("audit ", StringComparison.Ordinal)));
}
