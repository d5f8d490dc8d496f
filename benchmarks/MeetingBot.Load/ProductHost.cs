using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MeetingBot.Load;

/// <summary>The real MeetingBot host, run as a child process from its Release build.</summary>
public sealed class ProductHost : IAsyncDisposable
{
    private readonly Process? _process;
    private readonly string? _directory;

    private ProductHost(Process? process, string url, string? directory = null)
    {
        _process = process;
        Url = url;
        _directory = directory;
    }

    public string Url { get; }

    /// <summary>The storage the host runs with: MEETINGBOT_STORAGE (Sqlite, as the README's command runs it, or None, Postgres).</summary>
    public static string Storage => Environment.GetEnvironmentVariable("MEETINGBOT_STORAGE") is { Length: > 0 } s ? s : "Sqlite";
    /// <summary>From process start to the first message activity answered (reply received by the sink).</summary>
    public TimeSpan ColdStartToFirstAnswer { get; private set; }

    /// <summary>The host process's resident set (VmRSS), in MB; NaN for a host this tool did not start.</summary>
    public double ResidentMegabytes() => _process is null ? double.NaN : StatusMegabytes("VmRSS:")[0];

    /// <summary>
    /// Where the resident set is (anonymous memory: heaps, caches; file-backed: code and mapped files) and how big the
    /// host's SQLite files are, in MB: "anon/file/shmem/db". Shared memory is mostly the runtime's double-mapped
    /// executable memory (compiled code, stubs) while W^X is on.
    /// </summary>
    public string ResidentDetail()
    {
        if (_process is null || _directory is null) return "";
        var rss = StatusMegabytes("RssAnon:", "RssFile:", "RssShmem:");
        var db = Directory.EnumerateFiles(_directory, "*.db*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / (1024.0 * 1024.0);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{rss[0]:N0}/{rss[1]:N0}/{rss[2]:N0}/{db:N0}");
    }

    /// <summary>Fields of /proc/&lt;pid&gt;/status given in kB, in MB, in the order asked (NaN for a missing one); one read of the file.</summary>
    private double[] StatusMegabytes(params string[] names)
    {
        var values = Enumerable.Repeat(double.NaN, names.Length).ToArray();
        foreach (var line in File.ReadLines($"/proc/{_process!.Id}/status"))
        {
            var i = Array.FindIndex(names, n => line.StartsWith(n, StringComparison.Ordinal));
            if (i >= 0)
                values[i] = long.Parse(line[names[i].Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
        return values;
    }

    /// <param name="existingUrl">A host already running (e.g. under a profiler); null starts one.</param>
    /// <param name="hostPath">The host to start (a .dll or an image's executable); null: MEETINGBOT_HOST_DLL or the Release build.</param>
    public static async Task<ProductHost> StartAsync(string repoRoot, string serviceUrl, ServiceUrlSink sink, string? existingUrl = null, string? hostPath = null)
    {
        if (existingUrl is not null) return await WaitForFirstAnswerAsync(new ProductHost(null, existingUrl), Stopwatch.StartNew(), serviceUrl, sink);
        // MEETINGBOT_HOST_DLL: another build of the host, e.g. a ReadyToRun publish, or the deployment image's executable
        // (benchmarks/cold-start.sh).
        var dll = hostPath is { Length: > 0 } ? hostPath
            : Environment.GetEnvironmentVariable("MEETINGBOT_HOST_DLL") is { Length: > 0 } other ? other
            : Path.Combine(repoRoot, "src", "MeetingBot.Web", "bin", "Release", "net10.0", "MeetingBot.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the host first: dotnet build -c Release src/MeetingBot.Web", dll);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var directory = Directory.CreateTempSubdirectory("meetingbot-load-").FullName;
        // A .dll runs on the shared runtime; the self-contained deployment image is started as its own executable.
        var psi = new ProcessStartInfo(dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? "dotnet" : dll,
            dll.EndsWith(".dll", StringComparison.OrdinalIgnoreCase) ? [dll, "--urls", url] : ["--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // A fresh directory per run: the default SQLite file (meetingbot.db) starts empty, as on a first run.
            WorkingDirectory = directory,
        };
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["MeetingBot__Storage__Provider"] = Storage;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the Emulator's no-token mode, as with the README's run command
        var started = Stopwatch.StartNew();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return await WaitForFirstAnswerAsync(new ProductHost(process, url, directory), started, serviceUrl, sink);
    }

    private static async Task<ProductHost> WaitForFirstAnswerAsync(ProductHost host, Stopwatch started, string serviceUrl, ServiceUrlSink sink)
    {
        var url = host.Url;
        using var http = new HttpClient();
        var repliesBefore = sink.Replies;
        while (started.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                var body = $$"""{"type":"message","id":"cold","serviceUrl":"{{serviceUrl}}","channelId":"emulator","from":{"id":"cold-user","name":"User"},"conversation":{"id":"cold|livechat"},"recipient":{"id":"bot"},"text":"help"}""";
                using var response = await http.PostAsync(url + "/api/messages", new StringContent(body, Encoding.UTF8, "application/json"));
                if (response.IsSuccessStatusCode && sink.Replies > repliesBefore)
                {
                    host.ColdStartToFirstAnswer = started.Elapsed;
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(10);
        }
        await host.DisposeAsync();
        throw new TimeoutException("The host did not answer within 60 s.");
    }

    public ValueTask DisposeAsync()
    {
        if (_process is null) return ValueTask.CompletedTask;
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit(5_000);
        _process.Dispose();
        if (_directory is not null)
        {
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { /* left for the OS's temp cleanup */ }
        }
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
