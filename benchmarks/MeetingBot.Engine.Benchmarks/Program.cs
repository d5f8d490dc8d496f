using BenchmarkDotNet.Running;
using MeetingBot.Engine.Benchmarks;

// Scale run (default): dotnet run -c Release --project benchmarks/MeetingBot.Engine.Benchmarks
// Micro-benchmarks:    dotnet run -c Release --project benchmarks/MeetingBot.Engine.Benchmarks -- micro
// One grain command:   dotnet run -c Release --project benchmarks/MeetingBot.Engine.Benchmarks -- calls 20000
// Through the grains:  dotnet run -c Release --project benchmarks/MeetingBot.Engine.Benchmarks -- grains 100000 1000000
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(MeteringBenchmarks).Assembly).Run(args[1..]);
    return;
}
if (args.Length > 0 && args[0] == "calls")
{
    Console.WriteLine($"Commands through a tenant grain, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    await GrainCallRun.RunAsync(args.Length > 1 ? int.Parse(args[1]) : 20_000, Console.Out);
    return;
}
if (args.Length > 0 && args[0] == "grains")
{
    var legCounts = args.Length > 1 ? args[1..].Select(int.Parse).ToArray() : [10_000, 100_000];
    Console.WriteLine($"Engine metering through tenant grains, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
    await ScaleRun.RunThroughGrainsAsync(legCounts, Console.Out);
    return;
}
var counts = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1_000, 10_000, 100_000];
Console.WriteLine($"Engine metering scale run, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
ScaleRun.Run(counts, Console.Out);
