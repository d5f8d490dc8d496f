using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace MeetingBot.Load;

/// <summary>The real MeetingBot host, run as a child process from its Release build.</summary>
public sealed class ProductHost : IAsyncDisposable
{
    private readonly Process? _process;

    private ProductHost(Process? process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }
    /// <summary>From process start to the first message activity answered (reply received by the sink).</summary>
    public TimeSpan ColdStartToFirstAnswer { get; private set; }

    /// <param name="existingUrl">A host already running (e.g. under a profiler); null starts one.</param>
    public static async Task<ProductHost> StartAsync(string repoRoot, string serviceUrl, ServiceUrlSink sink, string? existingUrl = null)
    {
        if (existingUrl is not null) return await WaitForFirstAnswerAsync(new ProductHost(null, existingUrl), Stopwatch.StartNew(), serviceUrl, sink);
        var dll = Path.Combine(repoRoot, "src", "MeetingBot.Web", "bin", "Release", "net10.0", "MeetingBot.Web.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("Build the host first: dotnet build -c Release src/MeetingBot.Web", dll);
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet", [dll, "--urls", url])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["MeetingBot__Storage__Provider"] = "None";
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development"; // the Emulator's no-token mode, as with the README's run command
        var started = Stopwatch.StartNew();
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return await WaitForFirstAnswerAsync(new ProductHost(process, url), started, serviceUrl, sink);
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
