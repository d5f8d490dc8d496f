using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>The baseline server: <see cref="BareHubServer"/> in a child process.</summary>
public sealed class BareTarget(ChildHost host) : IFanOutTarget
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(host.Url) };

    public string Name => "bare hub (Clients.All)";
    public string HubUrl => host.Url + BareHubServer.HubPath;
    public int ServerProcessId => host.ProcessId;
    public IReadOnlyList<string> PushMethods { get; } = [BareHubServer.Method];

    public static async Task<BareTarget> StartAsync() => new(await ChildHost.StartBareAsync());

    public string? AccessTokenFor(int client) => null;

    public int TriggerStreams => ProductTarget.TriggerUsers;

    public Task AfterConnectAsync(HubConnection connection, int client) => Task.CompletedTask;

    public async Task FireAsync(int stream)
    {
        using var response = await _http.PostAsync("/fire", null);
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await host.DisposeAsync();
    }
}
