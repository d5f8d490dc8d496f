using System.Net;
using System.Net.Http.Json;
using MeetingBot.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Tests.Api;

public sealed class ReportApiTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task UsageCsv_AfterPooledCall_DownloadsAttachmentWithConfOutRow()
    {
        await MakeCallAsync(_app, TimeSpan.FromSeconds(150));
        using var nestor = await _app.ClientForAsync("nestor");

        var response = await nestor.GetAsync("/api/admin/reports/usage.csv?from=2025-03-01&to=2025-04-01");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("pstn-usage-20250301-20250401.csv", response.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith("UserDisplayName,UserUpn,CallType", lines[0]);
        var row = Assert.Single(lines.Skip(1));
        Assert.Contains("conf_out", row);
        Assert.Contains("+14055550100", row);
        Assert.Contains(",150,0.00,USD,MCOMEETADD,", row);
    }

    [Fact]
    public async Task UsageJson_ChosenColumnsAndUser_ReturnsOnlyThose()
    {
        await MakeCallAsync(_app, TimeSpan.FromSeconds(61));
        using var nestor = await _app.ClientForAsync("nestor");

        var report = await nestor.GetFromJsonAsync<UsageReportView>("/api/admin/reports/usage?from=2025-03-01T00:00:00Z&to=2025-03-31&userId=adele&columns=CallType,DurationSeconds");
        var other = await nestor.GetFromJsonAsync<UsageReportView>("/api/admin/reports/usage?from=2025-03-01&to=2025-03-31&userId=lee");

        var row = Assert.Single(report!.Rows);
        Assert.Equal(["CallType", "DurationSeconds"], row.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("conf_out", "61"), (row["CallType"], row["DurationSeconds"]));
        Assert.Empty(other!.Rows);
    }

    [Theory]
    [InlineData("from=2025-04-01&to=2025-03-01")]
    [InlineData("from=2024-01-01&to=2025-03-01")]
    [InlineData("from=yesterday")]
    public async Task Usage_BadDateRange_Returns400WithClearMessage(string query)
    {
        using var nestor = await _app.ClientForAsync("nestor");

        await MeetingApiTests.AssertError(await nestor.GetAsync("/api/admin/reports/usage?" + query), HttpStatusCode.BadRequest, EngineError.InvalidDateRange);
        await MeetingApiTests.AssertError(await nestor.GetAsync("/api/admin/reports/usage.csv?" + query), HttpStatusCode.BadRequest, EngineError.InvalidDateRange);
    }

    [Fact]
    public async Task Usage_UnknownColumn_Returns400NamingIt()
    {
        using var nestor = await _app.ClientForAsync("nestor");

        var response = await nestor.GetAsync("/api/admin/reports/usage.csv?columns=CallType,Password");
        var error = await response.Content.ReadFromJsonAsync<ApiError>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'Password'", error!.Detail);
    }

    [Fact]
    public async Task Pools_WithHistory_ReturnsCurrentAndPastMonths()
    {
        await MakeCallAsync(_app, TimeSpan.FromMinutes(10));
        using var nestor = await _app.ClientForAsync("nestor");

        var rows = (await nestor.GetFromJsonAsync<List<MinutePoolRowView>>("/api/admin/reports/pools?months=2"))!;

        Assert.Equal(["2025-03", "2025-02", "2025-01"], rows.Select(r => r.Month).Distinct());
        var current = rows.Single(r => r.Month == "2025-03" && r.Capability == "MCOMEETADD");
        Assert.Equal((120, 10, 110), (current.MinutesAvailable, current.MinutesUsed, current.MinutesLeft));
    }

    [Theory]
    [InlineData("25")]
    [InlineData("-1")]
    [InlineData("many")]
    public async Task Pools_MonthsOutOfRange_Returns400(string months)
    {
        using var nestor = await _app.ClientForAsync("nestor");

        await MeetingApiTests.AssertError(await nestor.GetAsync("/api/admin/reports/pools?months=" + months), HttpStatusCode.BadRequest, EngineError.InvalidMonthsOfHistory);
    }

    /// <summary>Adele calls a US number from her meeting for <paramref name="duration"/>, then hangs up.</summary>
    /// <summary>A pooled "Call me" of adele's lasting <paramref name="duration"/> on the fake clock, then hung up.</summary>
    internal static async Task MakeCallAsync(MeetingBotAppFactory app, TimeSpan duration)
    {
        using var adele = await app.ClientForAsync("adele");
        var meeting = await (await adele.PostAsJsonAsync("/api/meetings", new { subject = "Call" })).Content.ReadFromJsonAsync<MeetingView>();
        var leg = await (await adele.PostAsJsonAsync($"/api/meetings/{meeting!.Id}/callme", new { number = "4055550100" })).Content.ReadFromJsonAsync<CallLegView>();
        app.Advance(duration);
        (await adele.PostAsync($"/api/calls/{leg!.Id}/hangup", null)).EnsureSuccessStatusCode();
    }
}
