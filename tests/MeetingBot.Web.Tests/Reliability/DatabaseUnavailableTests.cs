using System.Net;
using System.Net.Http.Json;
using MeetingBot.Storage;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Tests.Api;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// The SQLite database is locked by another process (an exclusive write transaction held from a second connection):
/// writes answer a clear 503, reads keep working, and the host recovers by itself once the lock is released.
/// </summary>
public sealed class DatabaseUnavailableTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"meetingbot-fault-{Guid.NewGuid():N}.db");
    private MeetingBotAppFactory _factory = null!;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> _host = null!;

    public Task InitializeAsync()
    {
        _factory = new MeetingBotAppFactory(new Dictionary<string, string?>
        {
            ["MeetingBot:Storage:Provider"] = "Sqlite",
            ["MeetingBot:Storage:Sqlite"] = $"Data Source={_file}",
        });
        // A short busy timeout so a locked database fails in 1 s instead of the default 30 s.
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.Replace(ServiceDescriptor.Singleton<SqlDialect>(new SqliteDialect($"Data Source={_file}", busyTimeout: TimeSpan.FromSeconds(1))))));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" }) File.Delete(f);
    }

    private async Task<HttpClient> ClientAsync(string userId)
    {
        using var anonymous = _host.CreateClient();
        var signIn = await (await anonymous.PostAsJsonAsync("/api/dev/signin", new { userId })).Content.ReadFromJsonAsync<SignedInUserView>();
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", signIn!.AccessToken);
        return client;
    }

    private decimal StoredBalance() =>
        new SqlEngineJournal(new SqliteDialect($"Data Source={_file}")).Load("contoso")?.Purchases.Sum(p => p.Remaining) ?? 0m;

    [Fact]
    public async Task BotTurn_WhileDatabaseLocked_SaysTryAgain_AndSchedulesNothing()
    {
        // The setting users have (default 3 s), not a replaced dialect.
        await using var host = new MeetingBotAppFactory(new Dictionary<string, string?>
        {
            ["MeetingBot:Storage:Provider"] = "Sqlite",
            ["MeetingBot:Storage:Sqlite"] = $"Data Source={_file}",
            ["MeetingBot:Storage:SqliteBusyTimeout"] = "00:00:01",
        });
        using var chat = host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await SayAsync(chat, "whoami")).StatusCode);

        HttpResponseMessage during;
        await using (var locker = new SqliteConnection($"Data Source={_file}"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE; INSERT INTO schema_version (version, applied_at) VALUES (999, 'lock');";
                await begin.ExecuteNonQueryAsync();
            }
            during = await SayAsync(chat, "schedule Locked out");
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        var replies = (Newtonsoft.Json.Linq.JArray)Newtonsoft.Json.Linq.JObject.Parse(await during.Content.ReadAsStringAsync())["activities"]!;
        Assert.Equal(MeetingBot.Web.Bot.AdapterWithErrorHandler.StorageBusy, (string?)Assert.Single(replies)["text"]);
        Assert.DoesNotContain(await host.Tenants.Ask("contoso", new MeetingBot.Cluster.Commands.ListMeetings("adele")), m => m.Subject == "Locked out");
        Assert.Contains("Scheduled", (await (await SayAsync(chat, "schedule After")).Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A chat message as the Emulator sends it, with the replies returned in the HTTP answer.</summary>
    private static Task<HttpResponseMessage> SayAsync(HttpClient chat, string text) =>
        chat.PostAsync("/api/messages", new StringContent(new Newtonsoft.Json.Linq.JObject
        {
            ["deliveryMode"] = "expectReplies",
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["channelId"] = "emulator",
            ["from"] = new Newtonsoft.Json.Linq.JObject { ["id"] = "adele", ["name"] = "User" },
            ["conversation"] = new Newtonsoft.Json.Linq.JObject { ["id"] = "locked-conversation" },
            ["recipient"] = new Newtonsoft.Json.Linq.JObject { ["id"] = "bot", ["name"] = "MeetingBot" },
            ["text"] = text,
        }.ToString(), System.Text.Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Writes_WhileDatabaseLocked_Answer503AndRecoverAfterRelease()
    {
        using var adele = await ClientAsync("adele");
        using var nestor = await ClientAsync("nestor");
        Assert.Equal(HttpStatusCode.Created, (await adele.PostAsJsonAsync("/api/meetings", new { subject = "Before" })).StatusCode);

        var during = new List<HttpResponseMessage>();
        await using (var locker = new SqliteConnection($"Data Source={_file}"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE; INSERT INTO schema_version (version, applied_at) VALUES (999, 'lock');";
                await begin.ExecuteNonQueryAsync();
            }
            during.Add(await adele.PostAsJsonAsync("/api/meetings", new { subject = "During" }));
            during.Add(await nestor.PostAsJsonAsync("/api/admin/credits/funds", new { amount = 50.00m }));
            during.Add(await nestor.PutAsJsonAsync("/api/admin/users/megan/dialout", new { permission = "DontAllow" }));
            // Reads are served from memory and keep working.
            Assert.Equal(HttpStatusCode.OK, (await adele.GetAsync("/api/meetings")).StatusCode);
            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        foreach (var response in during)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("5", response.Headers.RetryAfter?.ToString());
            var error = await response.Content.ReadFromJsonAsync<ApiError>();
            Assert.Equal(ApiError.Of(503, StorageUnavailable.Error, StorageUnavailable.Message), error);
        }
        Assert.Equal(0m, StoredBalance()); // the refused purchase is not in the store
        Assert.Equal(HttpStatusCode.Created, (await adele.PostAsJsonAsync("/api/meetings", new { subject = "After" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nestor.PostAsJsonAsync("/api/admin/credits/funds", new { amount = 25.00m })).StatusCode);
        Assert.Equal(25.00m, StoredBalance());
    }
}
