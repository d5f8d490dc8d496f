using MeetingBot.Load;

// Bot turn load run: the stock echo bot and MeetingBot side by side, same sink, same client harness.
//   dotnet build -c Release src/MeetingBot.Web && dotnet run -c Release --project benchmarks/MeetingBot.Load -- [seconds] [text]
//   dotnet run -c Release --project benchmarks/MeetingBot.Load -- serve
//     starts the sink, the echo bot and MeetingBot, prints their addresses and waits for stdin to close: the hosts for an
//     external load generator (benchmarks/bot-turns.sh drives them with wrk).
if (args is ["serve", ..])
{
    await using var serveSink = await ServiceUrlSink.StartAsync();
    await using var serveEcho = await EchoBotHost.StartAsync();
    await using var serveProduct = await ProductHost.StartAsync(FindRepoRoot(), serveSink.Url, serveSink);
    Console.WriteLine($"sink {serveSink.Url}");
    Console.WriteLine($"echo {serveEcho.Url}/api/messages");
    Console.WriteLine($"meetingbot {serveProduct.Url}/api/messages");
    Console.WriteLine($"storage {ProductHost.Storage}");
    Console.WriteLine(FormattableString.Invariant($"coldstart_ms {serveProduct.ColdStartToFirstAnswer.TotalMilliseconds:F0}"));
    Console.Out.Flush();
    await Console.In.ReadToEndAsync();
    Console.WriteLine($"sink_replies {serveSink.Replies}");
    return;
}

//   dotnet run -c Release --project benchmarks/MeetingBot.Load -- coldstart [starts, default 5] [host ...]
//     starts each host (a .dll or an image's executable; default MEETINGBOT_HOST_DLL or the Release build) that many
//     times, the hosts taking turns, each start in a fresh directory (a new SQLite file), and prints the time from
//     process start to the first answered activity of each as "coldstart_ms <host> <ms>" (benchmarks/cold-start.sh).
//     One start of the first host comes before and is not counted: this tool's own first polls and sink would
//     otherwise compete with the first measured host for the CPU.
if (args is ["coldstart", ..])
{
    var starts = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
    string?[] hosts = args.Length > 2 ? args[2..] : [null];
    await using var coldSink = await ServiceUrlSink.StartAsync();
    await using (await ProductHost.StartAsync(FindRepoRoot(), coldSink.Url, coldSink, hostPath: hosts[0])) { }
    for (var i = 0; i < starts; i++)
    {
        foreach (var hostPath in hosts)
        {
            await using var host = await ProductHost.StartAsync(FindRepoRoot(), coldSink.Url, coldSink, hostPath: hostPath);
            Console.WriteLine(FormattableString.Invariant($"coldstart_ms {hostPath ?? "default"} {host.ColdStartToFirstAnswer.TotalMilliseconds:F0}"));
        }
    }
    return;
}

//   dotnet run -c Release --project benchmarks/MeetingBot.Load -- soak [turns, default 1000000] [sample every, default 100000]
//     resident memory of the host after every sample of a long mix of turns (docs/benchmarks.md, resource bounds).
if (args is ["soak", ..])
{
    var total = args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
    var every = args.Length > 2 ? long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
    await using var soakSink = await ServiceUrlSink.StartAsync();
    await using var soakHost = await ProductHost.StartAsync(FindRepoRoot(), soakSink.Url, soakSink);
    Console.WriteLine($"Soak, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, storage {ProductHost.Storage}, {total:N0} turns from 32 clients; RSS after start {soakHost.ResidentMegabytes():N0} MB");
    Console.WriteLine("| turns | dial-in calls | conversations | RSS MB (median of 5 reads in 1 s) | min–max | anon/file/shmem/db MB (last read) | turns/s | errors |");
    Console.WriteLine("|---:|---:|---:|---:|---|---|---:|---:|");
    var samples = await Soak.RunAsync(soakHost, soakSink.Url, total, every, 32,
        s => Console.WriteLine($"| {s.Turns:N0} | {s.DialIns:N0} | {s.Conversations:N0} | {s.RssMb:N0} | {s.RssMinMb:N0}–{s.RssMaxMb:N0} | {soakHost.ResidentDetail()} | {s.TurnsPerSecond:N0} | {s.Errors} |"));
    if (samples.Count > 1)
        Console.WriteLine($"RSS at the end / after the first sample: {samples[^1].RssMb / samples[0].RssMb:P1} (medians); highest reads {samples[^1].RssMaxMb / samples[0].RssMaxMb:P1}; highest at the end / lowest after the first sample {samples[^1].RssMaxMb / samples[0].RssMinMb:P1}");
    return;
}

var seconds = args.Length > 0 ? int.Parse(args[0]) : 10;
var text = args.Length > 1 ? args[1] : "meetings";
var repoRoot = FindRepoRoot();
await using var sink = await ServiceUrlSink.StartAsync();
await using var echo = await EchoBotHost.StartAsync();
await using var product = await ProductHost.StartAsync(repoRoot, sink.Url, sink, Environment.GetEnvironmentVariable("MEETINGBOT_URL"));

Console.WriteLine($"Bot turn load run, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {seconds} s per row, MeetingBot text \"{text}\", storage {ProductHost.Storage}");
Console.WriteLine($"MeetingBot cold start to first answered activity: {product.ColdStartToFirstAnswer.TotalMilliseconds:N0} ms");
Console.WriteLine();
Console.WriteLine("| bot | clients | turns | errors | turns/s | p50 ms | p99 ms | new sink connections |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
var rows = new List<TurnDriver.Result>();
foreach (var clients in new[] { 1, 32 })
{
    rows.Add(await TurnDriver.RunAsync("echo (stock)", echo.Url + "/api/messages", sink.Url, "hello", clients, TimeSpan.FromSeconds(seconds), sink));
    rows.Add(await TurnDriver.RunAsync("MeetingBot", product.Url + "/api/messages", sink.Url, text, clients, TimeSpan.FromSeconds(seconds), sink));
    foreach (var r in rows.TakeLast(2))
        Console.WriteLine($"| {r.Name} | {r.Clients} | {r.Turns:N0} | {r.Errors} | {r.TurnsPerSecond:N0} | {r.P50Ms:N1} | {r.P99Ms:N1} | {r.SinkConnections:N0} |");
}
var echo32 = rows.Single(r => r.Name.StartsWith("echo") && r.Clients == 32);
var mb32 = rows.Single(r => r.Name == "MeetingBot" && r.Clients == 32);
Console.WriteLine();
Console.WriteLine($"MeetingBot / stock echo at 32 clients: {mb32.TurnsPerSecond / echo32.TurnsPerSecond:N1}x");

static string FindRepoRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MeetingBot.sln"))) dir = dir.Parent;
    return dir?.FullName ?? throw new InvalidOperationException("Run from inside the repository.");
}
