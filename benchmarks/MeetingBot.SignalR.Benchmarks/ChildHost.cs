using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>A server run as a child process (the product's Release build, or this tool in bare-server mode).</summary>
public sealed class ChildHost : IAsyncDisposable
{
    private static readonly List<Process> Running = [];
    private readonly Process _process;

    private ChildHost(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }
    public int ProcessId => _process.Id;

    public static Task<ChildHost> StartProductAsync(string repoRoot) => StartProductAsync(repoRoot, new Dictionary<string, string>());

    /// <param name="settings">More environment settings for the host (they win over the defaults below).</param>
    public static Task<ChildHost> StartProductAsync(string repoRoot, IReadOnlyDictionary<string, string> settings)
    {
        // MEETINGBOT_WEB_DLL points at another build of the host (say, main's, copied aside) for before/after runs.
        var dll = Environment.GetEnvironmentVariable("MEETINGBOT_WEB_DLL") is { Length: > 0 } other
            ? other
            : Path.Combine(repoRoot, "src", "MeetingBot.Web", "bin", "Release", "net10.0", "MeetingBot.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the host first: dotnet build -c Release src/MeetingBot.Web", dll);
        var environment = new Dictionary<string, string>
        {
            ["Logging__LogLevel__Default"] = "Warning",
            ["MeetingBot__Storage__Provider"] = "None",
            ["ASPNETCORE_ENVIRONMENT"] = "Development", // the dev sign-in the clients use, as with the README's run command
        };
        foreach (var (k, v) in settings) environment[k] = v;
        return StartAsync([dll], "/api/dev/users", environment);
    }

    public static Task<ChildHost> StartBareAsync() =>
        StartAsync([typeof(ChildHost).Assembly.Location, "bare-server"], "/ready", new Dictionary<string, string>());

    private static async Task<ChildHost> StartAsync(string[] dotnetArgs, string readyPath, Dictionary<string, string> environment)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var psi = new ProcessStartInfo("dotnet", [.. dotnetArgs, "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"[child {process.Id}] {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (Running) Running.Add(process);
        var host = new ChildHost(process, url);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var response = await http.GetAsync(url + readyPath);
                if (response.IsSuccessStatusCode) return host;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            if (process.HasExited) break;
            await Task.Delay(50);
        }
        await host.DisposeAsync();
        throw new TimeoutException($"The child host {string.Join(' ', dotnetArgs)} did not answer {readyPath} within 60 s.");
    }

    /// <summary>Last resort when the run's time limit hits: no child outlives the tool.</summary>
    public static void KillAll()
    {
        lock (Running)
            foreach (var p in Running)
                try { if (!p.HasExited) p.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5000);
        lock (Running) Running.Remove(_process);
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
