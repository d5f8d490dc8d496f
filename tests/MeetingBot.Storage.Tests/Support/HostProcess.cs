using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace MeetingBot.Storage.Tests.Support;

/// <summary>
/// The real MeetingBot host (src/MeetingBot.Web's build output, same configuration as this test assembly) in a
/// child process on a free port, storing into the given SQLite file. <see cref="Crash"/> kills it without warning.
/// </summary>
public sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The host's process id: what <c>GET /api/admin/cluster</c> names ("machine/pid").</summary>
    public int ProcessId => _process.Id;

    public static Task<HostProcess> StartAsync(string sqlitePath) =>
        StartAsync(Path.GetDirectoryName(sqlitePath)!, new Dictionary<string, string>
        {
            ["MeetingBot__Storage__Provider"] = "Sqlite",
            ["MeetingBot__Storage__Sqlite"] = $"Data Source={sqlitePath}",
            ["MeetingBot__Redis"] = "",
        });

    /// <summary>Starts a host with <paramref name="settings"/> (environment variables) over the test defaults.</summary>
    public static async Task<HostProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { HostDll(), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["MeetingBot__Engine__AutoAnswerAfter"] = "00:00:00";
        // The local demo's configuration (dev sign-in, demo clock, simulation): what the README's run command gives.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["MeetingBot__LocalDevMode"] = "true";
        // Its own silo ports: other test hosts may run beside it.
        start.Environment["MeetingBot__Cluster__SiloPort"] = "0";
        start.Environment["MeetingBot__Cluster__GatewayPort"] = "0";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => host.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitHealthyAsync();
        return host;
    }

    /// <summary>The host's last lines of output (warnings and errors), for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no chance to end calls.</summary>
    public void Crash()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Crash();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The host exited with code {_process.ExitCode} during start-up.");
            try
            {
                if ((await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The host did not become healthy within 60 s.");
    }

    private static string HostDll()
    {
        // tests/MeetingBot.Storage.Tests/bin/<Configuration>/<tfm>/ → src/MeetingBot.Web/bin/<Configuration>/<tfm>/
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var root = here.Parent!.Parent!.Parent!.Parent!.Parent!.FullName;
        var dll = Path.Combine(root, "src", "MeetingBot.Web", "bin", configuration, tfm, "MeetingBot.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/MeetingBot.Web first.", dll);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
