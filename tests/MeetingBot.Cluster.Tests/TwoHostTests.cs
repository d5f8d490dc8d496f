using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.Storage.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace MeetingBot.Cluster.Tests;

/// <summary>
/// Two real host processes on 127.0.0.1 forming one cluster (Orleans Redis clustering), sharing one PostgreSQL
/// journal and the Redis SignalR backplane: what "several hosts" means in the README and docs/scale-out.md.
/// </summary>
public sealed class TwoHostTests(ITestOutputHelper output)
{
    private const string TeamsError = "You are not set up to use this calling feature. Please contact your IT administrator.";

    [Fact]
    public async Task TwoHosts_ShareEveryMeetingAndCall_PushesReachBoth_ACallOutlivesItsOwner_PoolRunsDryExactlyOnce()
    {
        using var store = TestStore.Create("postgres");
        var settings = new Dictionary<string, string>
        {
            ["MeetingBot__Storage__Provider"] = "Postgres",
            ["MeetingBot__Storage__Postgres"] = store.PostgresConnection!,
            ["MeetingBot__Redis"] = "127.0.0.1:6379",
            ["MeetingBot__Cluster__Provider"] = "Redis",
            ["MeetingBot__Cluster__ClusterId"] = $"mb-test-{Guid.NewGuid():N}", // no other test's silos in this cluster
        };
        var dir = Directory.CreateTempSubdirectory("meetingbot-two-hosts").FullName;
        var processes = new List<HostProcess>();
        var hubs = new List<HubConnection>();
        try
        {
            var hostA = await Start();
            var hostB = await Start();

            // One sign-in, accepted by both hosts (Data Protection keys shared in Redis).
            var adele = await SignInAsync(hostA, "adele");
            var nestor = await SignInAsync(hostB, "nestor");
            using var adeleOnA = Api(hostA, adele);
            using var adeleOnB = Api(hostB, adele);

            // Scheduled through A, known to B, joined and called through B.
            var meeting = await Json(await adeleOnA.PostAsJsonAsync("/api/meetings", new { subject = "Two hosts", durationMinutes = 600 }));
            var meetingId = meeting.GetProperty("id").GetString()!;
            Assert.Equal("Two hosts", (await Json(await adeleOnB.GetAsync($"/api/meetings/{meetingId}"))).GetProperty("subject").GetString());
            var pushesA = await HubAsync(hostA, adele, meetingId);
            var pushesB = await HubAsync(hostB, adele, meetingId);
            await Json(await adeleOnB.PostAsJsonAsync($"/api/meetings/{meetingId}/join", new { audio = "computer" }));
            var legId = (await Json(await adeleOnB.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = "4055550100" }))).GetProperty("id").GetString()!;
            foreach (var pushes in new[] { pushesA, pushesB })
                await pushes.WaitFor("CallLegStateChanged", m => m.GetProperty("legId").GetString() == legId && m.GetProperty("state").GetString() == "Connected");

            // The demo clock moved through A meters the call wherever the tenant lives: the connect minute and 30 more.
            await Json(await adeleOnA.PostAsJsonAsync("/api/dev/clock/advance", new { minutes = 30 }));
            Assert.Equal(31, (await LegAsync(adeleOnB, meetingId, legId)).GetProperty("minutesPaid").GetInt32());

            // kill -9 the host that owns the tenant, mid-call.
            var owner = (await Json(await Api(hostA, nestor).GetAsync("/api/admin/cluster"))).GetProperty("tenantHost").GetString()!;
            var (dying, survivor) = owner.EndsWith($"/{hostA.ProcessId}", StringComparison.Ordinal) ? (hostA, hostB) : (hostB, hostA);
            Assert.EndsWith($"/{dying.ProcessId}", owner);
            using var adeleOnSurvivor = Api(survivor, adele);
            var clock = Stopwatch.StartNew();
            dying.Crash();
            var failover = await FirstAnswerAsync(adeleOnSurvivor, $"/api/meetings/{meetingId}");
            output.WriteLine($"kill -9 of the owning host → the tenant answers on the survivor: {failover.TotalMilliseconds:F0} ms");
            var leg = await LegAsync(adeleOnSurvivor, meetingId, legId);
            Assert.Equal(("Connected", 31), (leg.GetProperty("state").GetString(), leg.GetProperty("minutesPaid").GetInt32()));
            Assert.EndsWith($"/{survivor.ProcessId}", (await Json(await Api(survivor, nestor).GetAsync("/api/admin/cluster"))).GetProperty("tenantHost").GetString());

            // The survivor pays the call's next minutes.
            await Json(await adeleOnSurvivor.PostAsJsonAsync("/api/dev/clock/advance", new { minutes = 30 }));
            Assert.Equal(61, (await LegAsync(adeleOnSurvivor, meetingId, legId)).GetProperty("minutesPaid").GetInt32());

            // The dead host comes back as a new process and rejoins; the pool (2 assigned licenses × 60) runs dry
            // through it, and the exact Teams error reaches clients on both hosts.
            var restarted = await Start();
            using var adeleOnRestarted = Api(restarted, adele);
            var pushesRestarted = await HubAsync(restarted, adele, meetingId);
            var pushesSurvivor = await HubAsync(survivor, adele, meetingId);
            await Json(await adeleOnRestarted.PostAsJsonAsync("/api/dev/clock/advance", new { minutes = 60 }));
            foreach (var pushes in new[] { pushesRestarted, pushesSurvivor })
            {
                var error = await pushes.WaitFor("CallingFeatureUnavailable", m => m.GetProperty("meetingId").GetString() == meetingId);
                Assert.Equal(TeamsError, error.GetProperty("message").GetString());
            }
            foreach (var via in new[] { adeleOnRestarted, adeleOnSurvivor })
            {
                var refused = await via.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = "4055550101" });
                Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
                Assert.Equal(TeamsError, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
            }

            // Exactly once across the failover: pool used + left = pool size; paid minutes = ceil(duration / 60 s);
            // the usage records cover the call's duration.
            leg = await LegAsync(adeleOnRestarted, meetingId, legId);
            var seconds = (int)(leg.GetProperty("endedAt").GetDateTimeOffset() - leg.GetProperty("connectedAt").GetDateTimeOffset()).TotalSeconds;
            Assert.Equal(("CutOff", 120, 7200), (leg.GetProperty("state").GetString(), leg.GetProperty("minutesPaid").GetInt32(), seconds));
            using var nestorOnRestarted = Api(restarted, nestor);
            var pool = (await Json(await nestorOnRestarted.GetAsync("/api/admin/reports/pools"))).EnumerateArray().Single(r => r.GetProperty("capability").GetString() == "MCOMEETADD");
            Assert.Equal((120, 120, 0), (pool.GetProperty("minutesAvailable").GetInt32(), pool.GetProperty("minutesUsed").GetInt32(), pool.GetProperty("minutesLeft").GetInt32()));
            var usage = await Json(await nestorOnRestarted.GetAsync("/api/admin/reports/usage?columns=CallId,DurationSeconds,Capability"));
            var rows = usage.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("CallId").GetString() == legId).ToList();
            Assert.Equal(seconds, rows.Sum(r => int.Parse(r.GetProperty("DurationSeconds").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.All(rows, r => Assert.Equal("MCOMEETADD", r.GetProperty("Capability").GetString()));
            Assert.Equal(120L, Scalar(store, $"SELECT COUNT(*) FROM leg_minutes WHERE leg_id = '{legId}'"));
            Assert.Equal(120L, Scalar(store, "SELECT used FROM pool_usage WHERE capability = 'MCOMEETADD'"));
        }
        catch
        {
            foreach (var p in processes) output.WriteLine($"--- host {p.ProcessId} ---\n{p.Output}");
            throw;
        }
        finally
        {
            foreach (var h in hubs) await h.DisposeAsync();
            foreach (var p in processes) p.Dispose();
            Directory.Delete(dir, recursive: true);
        }

        async Task<HostProcess> Start()
        {
            var host = await HostProcess.StartAsync(dir, settings);
            processes.Add(host);
            return host;
        }

        async Task<Pushes> HubAsync(HostProcess host, string token, string meetingId)
        {
            var hub = new HubConnectionBuilder()
                .WithUrl(new Uri(host.BaseAddress, "/hubs/meeting"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                .Build();
            hubs.Add(hub);
            var pushes = new Pushes();
            foreach (var name in new[] { "CallLegStateChanged", "CallingFeatureUnavailable" })
                hub.On<JsonElement>(name, m => pushes.Add(name, m));
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("JoinMeeting", meetingId);
            return pushes;
        }
    }

    /// <summary>Polls until the survivor answers 200, allowing 503 while the tenant moves; never a 500.</summary>
    private static async Task<TimeSpan> FirstAnswerAsync(HttpClient http, string path)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var response = await http.GetAsync(path);
            if (response.StatusCode == HttpStatusCode.OK) return clock.Elapsed;
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            await Task.Delay(100);
        }
        throw new TimeoutException("The tenant did not come back on the surviving host within 60 s.");
    }

    private static async Task<string> SignInAsync(HostProcess host, string userId)
    {
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        return (await Json(await http.PostAsJsonAsync("/api/dev/signin", new { userId }))).GetProperty("accessToken").GetString()!;
    }

    private static HttpClient Api(HostProcess host, string token)
    {
        var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private static async Task<JsonElement> LegAsync(HttpClient http, string meetingId, string legId) =>
        (await Json(await http.GetAsync($"/api/meetings/{meetingId}"))).GetProperty("legs").EnumerateArray().Single(l => l.GetProperty("id").GetString() == legId);

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static long Scalar(TestStore store, string sql)
    {
        using var c = store.Dialect.Open();
        using var command = c.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>What one hub connection received, by message name, waited for with a deadline.</summary>
    private sealed class Pushes
    {
        private readonly ConcurrentQueue<(string Name, JsonElement Message)> _received = new();

        public void Add(string name, JsonElement message) => _received.Enqueue((name, message.Clone()));

        public async Task<JsonElement> WaitFor(string name, Func<JsonElement, bool> match)
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(20))
            {
                foreach (var (n, m) in _received)
                    if (n == name && match(m)) return m;
                await Task.Delay(50);
            }
            throw new TimeoutException($"No {name} push arrived within 20 s; received: {string.Join(", ", _received.Select(r => r.Name))}.");
        }
    }
}
