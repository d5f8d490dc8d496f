using System.Net;
using System.Text.Json;
using MeetingBot.Web.Api;

namespace MeetingBot.Web.Tests.Api;

/// <summary>The host serves its API's contract: every route under /api, and errors as problem details.</summary>
public sealed class OpenApiContractTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task OpenApiDocument_ListsTheRoutesTheClientCalls_WithProblemDetailsErrors()
    {
        using var anonymous = _app.CreateClient();

        var response = await anonymous.GetAsync("/openapi/v1.json");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/api/meetings", "/api/meetings/{id}/callme", "/api/admin/users/{id}/licenses", "/api/admin/reports/pools" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the document");
        var conflict = paths.GetProperty("/api/admin/users/{id}/licenses").GetProperty("post").GetProperty("responses").GetProperty("409");
        Assert.True(conflict.GetProperty("content").TryGetProperty(ApiError.ContentType, out _));
        var error = document.RootElement.GetProperty("components").GetProperty("schemas").GetProperty("ApiError").GetProperty("properties");
        Assert.All(["type", "title", "status", "detail", "error"], p => Assert.True(error.TryGetProperty(p, out _), $"ApiError lacks {p}"));
    }

    [Fact]
    public async Task AnEngineRefusal_IsProblemDetails_WithTheEngineWordsAsDetail()
    {
        using var nestor = await _app.ClientForAsync("nestor");

        var response = await nestor.PostAsync("/api/admin/users/adele/licenses", System.Net.Http.Json.JsonContent.Create(new { sku = "AudioConferencingMonthly" }));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(ApiError.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("urn:meetingbot:error:LicenseAlreadyAssigned", body.GetProperty("type").GetString());
        Assert.Equal("License already assigned", body.GetProperty("title").GetString());
        Assert.Equal(409, body.GetProperty("status").GetInt32());
        Assert.Equal(MeetingBot.Engine.EngineMessages.For(MeetingBot.Engine.EngineError.LicenseAlreadyAssigned), body.GetProperty("detail").GetString());
        Assert.Equal("LicenseAlreadyAssigned", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task AFrameworkRefusal_IsTheSameShape()
    {
        using var anonymous = _app.CreateClient();

        var response = await anonymous.GetAsync("/api/meetings");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(ApiError.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(("urn:meetingbot:error:Unauthorized", 401), (body.GetProperty("type").GetString(), body.GetProperty("status").GetInt32()));
    }
}
