using System.Diagnostics;
using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;

namespace MeetingBot.Engine.Benchmarks;

/// <summary>
/// What one command through a tenant grain costs on top of the engine call itself, for the two reads a bot turn
/// makes when it lists meetings (<c>GetUser</c>, <c>ListMeetings</c> of a user with 10 meetings): sequential calls
/// from one caller (a bot turn's latency) and 32 callers at once (throughput), next to the same reads on the engine.
/// </summary>
public static class GrainCallRun
{
    public static async Task RunAsync(int calls, TextWriter output)
    {
        await using var fleet = await GrainFleet.StartAsync(tenants: 1, legsPerTenant: 0);
        var direct = new LegFleet(1, 0);
        var tenant = fleet.Meetings[0].TenantId;
        for (var i = 0; i < 9; i++)
        {
            var now = fleet.Clock.GetUtcNow();
            (await fleet.Tenants.Ask(tenant, new ScheduleMeeting("u0", $"m{i}", now, now.AddHours(1)))).Unwrap();
            direct.Engine.ScheduleMeeting(tenant, "u0", $"m{i}", now, now.AddHours(1)).Unwrap();
        }
        output.WriteLine("| path | callers | calls | µs per call (mean) | calls/s |");
        output.WriteLine("|---|---:|---:|---:|---:|");
        for (var round = 0; round < 2; round++) // the first round warms up; the second is reported
        {
            var engine = Time(calls, 1, () => { direct.Engine.GetUser(tenant, "u0"); direct.Engine.ListMeetings(tenant, "u0"); return Task.CompletedTask; });
            var one = await TimeAsync(calls, 1, async () => { await fleet.Tenants.Ask(tenant, new GetUser("u0")); await fleet.Tenants.Ask(tenant, new ListMeetings("u0")); });
            var many = await TimeAsync(calls, 32, async () => { await fleet.Tenants.Ask(tenant, new GetUser("u0")); await fleet.Tenants.Ask(tenant, new ListMeetings("u0")); });
            if (round == 0) continue;
            output.WriteLine($"| engine (GetUser + ListMeetings) | 1 | {calls:N0} | {engine:N1} | {1e6 / engine:N0} |");
            output.WriteLine($"| grain (GetUser + ListMeetings) | 1 | {calls:N0} | {one:N1} | {1e6 / one:N0} |");
            output.WriteLine($"| grain (GetUser + ListMeetings) | 32 | {calls:N0} | {many:N1} | {1e6 / many:N0} |");
        }
    }

    private static double Time(int calls, int callers, Func<Task> call) => TimeAsync(calls, callers, call).GetAwaiter().GetResult();

    /// <summary>Mean wall time per call pair, <paramref name="callers"/> loops sharing <paramref name="calls"/>.</summary>
    private static async Task<double> TimeAsync(int calls, int callers, Func<Task> call)
    {
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < calls / callers; i++) await call();
        })));
        return sw.Elapsed.TotalMicroseconds / calls;
    }
}
