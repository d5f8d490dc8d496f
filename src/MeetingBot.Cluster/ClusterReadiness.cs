using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MeetingBot.Cluster;

/// <summary>
/// Whether this host's silo is up (its lifecycle reached Active). The web host listens while the silo is still
/// starting (<see cref="BackgroundSiloStart"/>): a request that reaches a tenant before then waits here, within the
/// retry budget, and is answered "try again" (503 with Retry-After) if the silo is not up in time — never a 500.
/// </summary>
public sealed class ClusterReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The silo is active: grain calls are served.</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Why the silo could not start, once it gave up; null while starting or when up.</summary>
    public Exception? Failure => _ready.Task.Exception?.InnerException;

    internal void MarkReady() => _ready.TrySetResult();

    internal void MarkFailed(Exception reason) => _ready.TrySetException(reason);

    /// <summary>Completes when the silo is active; throws <see cref="TenantUnavailableException"/> after <paramref name="timeout"/> or when it failed.</summary>
    public async ValueTask WaitAsync(string tenantId, TimeSpan timeout)
    {
        if (IsReady) return;
        try
        {
            await _ready.Task.WaitAsync(timeout).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new TenantUnavailableException(tenantId, new TimeoutException($"This host's cluster silo did not start within {timeout.TotalSeconds:0.#} s.", ex));
        }
        catch (Exception ex)
        {
            throw new TenantUnavailableException(tenantId, ex);
        }
    }

    /// <summary>Marks readiness when the silo's lifecycle reaches Active (also in silos that start in the foreground, as in tests).</summary>
    internal sealed class Participant(ClusterReadiness readiness) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(ClusterReadiness), ServiceLifecycleStage.Active, _ =>
            {
                readiness.MarkReady();
                return Task.CompletedTask;
            });
    }
}

/// <summary>
/// Starts Orleans' own hosted service (the silo) on the thread pool instead of in the host's start sequence, so the
/// web server listens — and its first request is compiled — while the silo's object graph is built and its
/// lifecycle runs (docs/benchmarks.md §5). Readiness is <see cref="ClusterReadiness"/>. If the silo cannot start
/// (a port in use, an unreachable Redis) the failure is logged as critical and the host stops with exit code 1, as
/// it did when the silo started in the foreground.
/// </summary>
internal sealed class BackgroundSiloStart(IServiceProvider services, Type siloService, ClusterReadiness readiness,
    IHostApplicationLifetime lifetime, ILogger<BackgroundSiloStart> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _abandon = new();
    private Task _starting = Task.CompletedTask;
    private IHostedService? _silo;
    private int _begun;

    /// <summary>Starts the silo on the thread pool, once: from <see cref="ClusterRegistration.BeginSiloStart"/> or the host's start.</summary>
    internal void Begin()
    {
        if (Interlocked.Exchange(ref _begun, 1) == 1) return;
        _starting = Task.Run(StartSiloAsync, CancellationToken.None);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Begin();
        return Task.CompletedTask;
    }

    private async Task StartSiloAsync()
    {
        try
        {
            var silo = (IHostedService)ActivatorUtilities.CreateInstance(services, siloService);
            _silo = silo;
            if (silo is IHostedLifecycleService staged) await staged.StartingAsync(_abandon.Token).ConfigureAwait(false);
            await silo.StartAsync(_abandon.Token).ConfigureAwait(false);
            if (silo is IHostedLifecycleService started) await started.StartedAsync(_abandon.Token).ConfigureAwait(false);
            // A silo without the readiness participant (never in this product) is up once its start returned.
            readiness.MarkReady();
        }
        catch (Exception ex) when (_abandon.IsCancellationRequested)
        {
            readiness.MarkFailed(ex);
        }
        catch (Exception ex)
        {
            logger.LogCritical(ex, "The cluster silo could not start; this host stops. {Reason}", ex.Message);
            readiness.MarkFailed(ex);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!readiness.IsReady) await _abandon.CancelAsync().ConfigureAwait(false);
        try
        {
            await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        if (_silo is null || !readiness.IsReady) return;
        if (_silo is IHostedLifecycleService staged) await staged.StoppingAsync(cancellationToken).ConfigureAwait(false);
        await _silo.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_silo is IHostedLifecycleService stopped) await stopped.StoppedAsync(cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _abandon.Dispose();
}
