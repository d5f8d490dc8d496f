using MeetingBot.Load;

// Bot turn load run: the stock echo bot and MeetingBot side by side, same sink, same client harness.
//   dotnet build -c Release src/MeetingBot.Web && dotnet run -c Release --project benchmarks/MeetingBot.Load -- [seconds] [text]
var seconds = args.Length > 0 ? int.Parse(args[0]) : 10;
var text = args.Length > 1 ? args[1] : "meetings";
var repoRoot = FindRepoRoot();
await using var sink = await ServiceUrlSink.StartAsync();
await using var echo = await EchoBotHost.StartAsync();
await using var product = await ProductHost.StartAsync(repoRoot, sink.Url, sink, Environment.GetEnvironmentVariable("MEETINGBOT_URL"));

Console.WriteLine($"Bot turn load run, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {seconds} s per row, MeetingBot text \"{text}\"");
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
