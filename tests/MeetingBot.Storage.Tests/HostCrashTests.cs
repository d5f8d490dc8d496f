using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MeetingBot.Storage.Tests.Support;

namespace MeetingBot.Storage.Tests;

/// <summary>The real host, killed mid-call with SIGKILL and started again on the same SQLite file.</summary>
public class HostCrashTests
{
    [Fact]
    public async Task Host_KilledMidCall_CallGoesOnAfterTheRestartAndEveryPaidMinuteIsBilledExactlyOnce()
    {
        using var store = TestStore.Create("sqlite");
        string legId, meetingId;
        long paidBeforeCrash;
        using (var host = await HostProcess.StartAsync(store.SqlitePath!))
        {
            using var http = await SignedInAsync(host);
            var meeting = await Json(await http.PostAsJsonAsync("/api/meetings", new { subject = "Crash", durationMinutes = 60 }));
            meetingId = meeting.GetProperty("id").GetString()!;
            var leg = await Json(await http.PostAsJsonAsync($"/api/meetings/{meetingId}/callme", new { number = "4055550100" }));
            legId = leg.GetProperty("id").GetString()!;
            (await http.PostAsJsonAsync("/api/dev/clock/advance", new { minutes = 3 })).EnsureSuccessStatusCode();
            paidBeforeCrash = await WaitForAsync(() => Minutes(store, legId), n => n >= 4); // the connect minute + three more, paid by the ticker

            host.Crash();
        }
        Assert.Equal(0, Scalar(store, $"SELECT COUNT(*) FROM usage_records WHERE call_id = '{legId}'")); // nothing was closed before the kill

        // The phone network still holds the call and its minute is paid: the restarted host carries it on.
        using (var restarted = await HostProcess.StartAsync(store.SqlitePath!))
        {
            using var http = await SignedInAsync(restarted);
            var legs = (await Json(await http.GetAsync($"/api/meetings/{meetingId}"))).GetProperty("legs");
            var live = Assert.Single(legs.EnumerateArray());
            Assert.Equal(("Connected", paidBeforeCrash), (live.GetProperty("state").GetString(), live.GetProperty("minutesPaid").GetInt64()));
            (await http.PostAsync($"/api/calls/{legId}/hangup", null)).EnsureSuccessStatusCode();
        }
        using (var again = await HostProcess.StartAsync(store.SqlitePath!)) again.Crash(); // and once more: nothing twice

        Assert.Equal(paidBeforeCrash, Minutes(store, legId)); // no minute charged again after the restart
        Assert.Equal(paidBeforeCrash, Scalar(store, "SELECT used FROM pool_usage WHERE capability = 'MCOMEETADD'"));
        Assert.Equal(1, Scalar(store, $"SELECT COUNT(*) FROM usage_records WHERE call_id = '{legId}'"));
        Assert.Equal(1, Scalar(store, $"SELECT COUNT(*) FROM legs WHERE id = '{legId}' AND state = 'Ended'"));
        var duration = Scalar(store, $"SELECT duration_seconds FROM usage_records WHERE call_id = '{legId}'");
        Assert.InRange(duration, 0, paidBeforeCrash * 60);
    }

    private static async Task<HttpClient> SignedInAsync(HostProcess host)
    {
        var http = Client(host);
        (await http.PostAsJsonAsync("/api/dev/signin", new { userId = "adele" })).EnsureSuccessStatusCode();
        return http;
    }

    private static HttpClient Client(HostProcess host) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static long Minutes(TestStore store, string legId) => Scalar(store, $"SELECT COUNT(*) FROM leg_minutes WHERE leg_id = '{legId}'");

    private static long Scalar(TestStore store, string sql) => JournalStoreTests.Scalar(store, sql);

    private static async Task<long> WaitForAsync(Func<long> read, Func<long, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var value = read();
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(200);
        }
    }
}
