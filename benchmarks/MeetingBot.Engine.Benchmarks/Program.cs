using BenchmarkDotNet.Running;
using MeetingBot.Engine.Benchmarks;

// Scale run (default): dotnet run -c Release --project benchmarks/MeetingBot.Engine.Benchmarks
// Micro-benchmarks:    dotnet run -c Release --project benchmarks/MeetingBot.Engine.Benchmarks -- micro
if (args.Length > 0 && args[0] == "micro")
{
    BenchmarkSwitcher.FromAssembly(typeof(MeteringBenchmarks).Assembly).Run(args[1..]);
    return;
}
var counts = args.Length > 0 ? args.Select(int.Parse).ToArray() : [1_000, 10_000, 100_000];
Console.WriteLine($"Engine metering scale run, {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
ScaleRun.Run(counts, Console.Out);
