using System.Globalization;
using MeetingBot.SignalR.Benchmarks;

// SignalR fan-out: one meeting event to N warm WebSocket clients, the product against a bare hub, same harness.
//   dotnet build -c Release src/MeetingBot.Web
//   dotnet run -c Release --project benchmarks/MeetingBot.SignalR.Benchmarks -- [clients=100,1000,5000] [burst=100] [singles=20] [limitMinutes=20] [rounds=3]
if (args is ["bare-server", ..])
{
    await BareHubServer.RunAsync(args[1..]);
    return 0;
}

// Bot turns over the web client's chat hub: dotnet run -c Release --project benchmarks/MeetingBot.SignalR.Benchmarks -- chat [users=1000] [seconds=20]
// (MEETINGBOT_STORAGE=None|Sqlite, default Sqlite as the README's run command)
if (args is ["chat", ..])
{
    var users = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
    var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
    var storage = Environment.GetEnvironmentVariable("MEETINGBOT_STORAGE") is { Length: > 0 } s ? s : "Sqlite";
    var root = FindRepoRoot();
    Console.WriteLine($"Chat turns, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {users:N0} users with one connection each, {seconds} s");
    Console.WriteLine("| storage | connections | failed to connect | turns | errors | turns/s | p50 ms | p99 ms |");
    Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
    Console.WriteLine(ChatTurns.Row(await ChatTurns.RunAsync(root, users, TimeSpan.FromSeconds(seconds), storage), storage));
    return 0;
}

var clientCounts = (args.Length > 0 ? args[0] : "100,1000,5000").Split(',').Select(int.Parse).ToArray();
var burst = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 100;
var singles = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var limit = TimeSpan.FromMinutes(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 20);
var rounds = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 3;
const int MinBurstDeliveries = 100_000;

// The run must end by itself, whatever a server does: past the limit, children are killed and the tool exits.
using var watchdog = new Timer(_ =>
{
    Console.Error.WriteLine($"Time limit {limit} reached; stopping.");
    ChildHost.KillAll();
    Environment.Exit(2);
}, null, limit, Timeout.InfiniteTimeSpan);

// And if the tool itself is stopped (SIGTERM, Ctrl+C), it takes its servers with it.
AppDomain.CurrentDomain.ProcessExit += (_, _) => ChildHost.KillAll();
Console.CancelKeyPress += (_, _) => ChildHost.KillAll();

var repoRoot = FindRepoRoot();
await using var product = await ProductTarget.StartAsync(repoRoot);
await using var bare = await BareTarget.StartAsync();

Console.WriteLine($"SignalR fan-out run, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                  $"bursts of {burst} events or enough for {MinBurstDeliveries:N0} deliveries (median of {rounds}), {singles} single events per row, targets interleaved, WebSockets, JSON protocol");
Console.WriteLine();
Console.WriteLine("| target | clients | single p50 ms | single p99 ms | single p99 from request ms | last client mean ms | burst deliveries/s | burst p50 ms | burst p99 ms | burst triggers ms | server CPU µs/delivery | delivered |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var n in clientCounts)
{
    // Both fleets stay connected and the targets take turns, round by round (order alternating), so a busy
    // moment on the shared box lands on both; each round is singles/rounds single events and one burst.
    // A burst of 100 events to 100 clients is over in ~60 ms, too short to time steadily on a shared box; every
    // burst therefore delivers at least MinBurstDeliveries messages (1,000 events to 100 clients).
    var burstEvents = Math.Max(burst, (MinBurstDeliveries + n - 1) / n);
    await using var bareRun = await TargetMeasurement.ConnectAsync(bare, n);
    await using var productRun = await TargetMeasurement.ConnectAsync(product, n);
    foreach (var m in new[] { bareRun, productRun }) await m.WarmUpBurstAsync(burstEvents);
    for (var round = 0; round < rounds; round++)
    {
        var order = round % 2 == 0 ? new[] { bareRun, productRun } : new[] { productRun, bareRun };
        foreach (var m in order) await m.SinglesAsync(singles / rounds);
        foreach (var m in order) await m.BurstAsync(burstEvents);
    }
    var b = bareRun.Result();
    var p = productRun.Result();
    foreach (var r in new[] { b, p })
        Console.WriteLine($"| {r.Target} | {r.Clients:N0}{(r.ConnectFailures > 0 ? $" ({r.ConnectFailures} failed)" : "")} | {r.SingleP50Ms:N1} | {r.SingleP99Ms:N1} | " +
                          $"{r.SingleFromRequestP99Ms:N1} | {r.SingleLastClientMeanMs:N1} | {r.BurstDeliveriesPerSecond:N0} | {r.BurstP50Ms:N1} | {r.BurstP99Ms:N1} | {r.BurstTriggersMs:N0} | {r.BurstServerCpuUsPerDelivery:N2} | " +
                          $"{r.BurstDelivered:N0}/{r.BurstExpected:N0}{(r.SinglesIncomplete > 0 ? $", {r.SinglesIncomplete} singles incomplete" : "")} |");
    Console.WriteLine($"| ratio MeetingBot/bare, {n:N0} clients | | {p.SingleP50Ms / b.SingleP50Ms:N2}x | {p.SingleP99Ms / b.SingleP99Ms:N2}x | | | **{p.BurstDeliveriesPerSecond / b.BurstDeliveriesPerSecond:N2}x** | | | | {p.BurstServerCpuUsPerDelivery / b.BurstServerCpuUsPerDelivery:N2}x | |");
    Console.Error.WriteLine($"  connect {n:N0}: bare {b.ConnectSeconds:N1} s, MeetingBot {p.ConnectSeconds:N1} s");
}
return 0;

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MeetingBot.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
