using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>A server the same client harness connects to and fires events at: the product or the bare hub.</summary>
public interface IFanOutTarget : IAsyncDisposable
{
    string Name { get; }
    string HubUrl { get; }
    /// <summary>The server's process, whose CPU time each burst reads (both servers are child processes).</summary>
    int ServerProcessId { get; }
    /// <summary>The push method names a fired event arrives as.</summary>
    IReadOnlyList<string> PushMethods { get; }
    /// <summary>The push method that carries several events at once (each counted as a delivery), or null.</summary>
    string? BatchMethod => null;
    /// <summary>The bearer token client number <paramref name="client"/> connects with, or null for none.</summary>
    string? AccessTokenFor(int client);
    /// <summary>What a connected client does before it hears events (the product: JoinMeeting).</summary>
    Task AfterConnectAsync(HubConnection connection, int client);
    /// <summary>How many triggers may run at once (each stream's triggers run one after another).</summary>
    int TriggerStreams { get; }
    /// <summary>Causes one event that every connected client should receive; returns when the trigger was accepted.</summary>
    Task FireAsync(int stream);
}
