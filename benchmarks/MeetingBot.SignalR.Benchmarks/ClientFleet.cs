using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>N .NET SignalR clients over WebSockets, every push method wired to one <see cref="DeliveryRecorder"/>.</summary>
public sealed class ClientFleet : IAsyncDisposable
{
    private readonly List<HubConnection> _connections;

    private ClientFleet(List<HubConnection> connections, int failed, Exception? firstError)
    {
        _connections = connections;
        Failed = failed;
        FirstError = firstError;
    }

    public int Count => _connections.Count;
    public int Failed { get; }
    public Exception? FirstError { get; }

    public static async Task<ClientFleet> ConnectAsync(IFanOutTarget target, int clients, DeliveryRecorder recorder, int parallel = 50)
    {
        var connected = new HubConnection?[clients];
        var failed = 0;
        Exception? firstError = null;
        using var gate = new SemaphoreSlim(parallel);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var token = target.AccessTokenFor(i);
                var connection = new HubConnectionBuilder()
                    .WithUrl(target.HubUrl, HttpTransportType.WebSockets, o =>
                    {
                        // Both servers get the same handshake: straight to the WebSocket, token in the header.
                        o.SkipNegotiation = true;
                        if (token is not null) o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                    })
                    .Build();
                // Thousands of clients on two shared cores can delay a keep-alive; a dropped client would skew counts.
                connection.ServerTimeout = TimeSpan.FromMinutes(2);
                foreach (var method in target.PushMethods)
                    connection.On<ReceivedMessage>(method, m => recorder.Record(m.At));
                if (target.BatchMethod is { } batchMethod)
                    connection.On<ReceivedBatch>(batchMethod, b => { foreach (var e in b.Events) recorder.Record(e.Payload.At); });
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
                await connection.StartAsync(timeout.Token);
                await target.AfterConnectAsync(connection, i);
                connected[i] = connection;
            }
            catch (Exception e)
            {
                Interlocked.Increment(ref failed);
                Interlocked.CompareExchange(ref firstError, e, null);
            }
            finally
            {
                gate.Release();
            }
        }));
        return new ClientFleet(connected.OfType<HubConnection>().ToList(), failed, firstError);
    }

    public async ValueTask DisposeAsync()
    {
        using var gate = new SemaphoreSlim(100);
        await Task.WhenAll(_connections.Select(async c =>
        {
            await gate.WaitAsync();
            try { await c.DisposeAsync(); }
            finally { gate.Release(); }
        }));
    }
}
