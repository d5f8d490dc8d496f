using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace MeetingBot.Web.Hubs;

/// <summary>
/// The Redis backplane, with a way down: when Redis cannot be reached, SignalR's Redis manager fails every
/// connect and every send, so not even this host's own clients would hear anything. This manager keeps every
/// connection and group membership of this host in a local manager too and, whenever Redis fails, delivers
/// locally instead. Connections that arrived while Redis was down are kept apart and always also served
/// locally, so they keep hearing this host's events after Redis comes back (cross-host messages reach them once
/// they reconnect).
/// </summary>
public sealed class ResilientHubLifetimeManager<THub> : HubLifetimeManager<THub> where THub : Hub
{
    private readonly RedisHubLifetimeManager<THub> _redis;
    private readonly DefaultHubLifetimeManager<THub> _local;
    private readonly DefaultHubLifetimeManager<THub> _localOnly;
    private readonly HashSet<string> _localOnlyIds = [];
    private readonly ILogger _logger;

    public ResilientHubLifetimeManager(IServiceProvider services, ILogger<ResilientHubLifetimeManager<THub>> logger)
    {
        _redis = ActivatorUtilities.CreateInstance<RedisHubLifetimeManager<THub>>(services);
        _local = ActivatorUtilities.CreateInstance<DefaultHubLifetimeManager<THub>>(services);
        _localOnly = ActivatorUtilities.CreateInstance<DefaultHubLifetimeManager<THub>>(services);
        _logger = logger;
    }

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        await _local.OnConnectedAsync(connection);
        if (!await TryRedis(() => _redis.OnConnectedAsync(connection), "connect"))
        {
            lock (_localOnlyIds) _localOnlyIds.Add(connection.ConnectionId);
            await _localOnly.OnConnectedAsync(connection);
        }
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        await _local.OnDisconnectedAsync(connection);
        bool wasLocalOnly;
        lock (_localOnlyIds) wasLocalOnly = _localOnlyIds.Remove(connection.ConnectionId);
        if (wasLocalOnly) await _localOnly.OnDisconnectedAsync(connection);
        await TryRedis(() => _redis.OnDisconnectedAsync(connection), "disconnect");
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await _local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (IsLocalOnly(connectionId)) await _localOnly.AddToGroupAsync(connectionId, groupName, cancellationToken);
        else await TryRedis(() => _redis.AddToGroupAsync(connectionId, groupName, cancellationToken), "group add");
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await _local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        if (IsLocalOnly(connectionId)) await _localOnly.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        else await TryRedis(() => _redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken), "group remove");
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Send(m => m.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        Send(m => m.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Send(m => m.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Send(m => m.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Send(m => m.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Send(m => m.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        Send(m => m.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Send(m => m.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        Send(m => m.SendUsersAsync(userIds, methodName, args, cancellationToken));

    /// <summary>Through Redis (which reaches every host, this one included) plus the local-only connections; all locally if Redis fails.</summary>
    private async Task Send(Func<HubLifetimeManager<THub>, Task> send)
    {
        if (await TryRedis(() => send(_redis), "send")) await send(_localOnly);
        else await send(_local);
    }

    private bool IsLocalOnly(string connectionId)
    {
        lock (_localOnlyIds) return _localOnlyIds.Contains(connectionId);
    }

    private async Task<bool> TryRedis(Func<Task> action, string what)
    {
        try
        {
            await action();
            return true;
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException or InvalidOperationException or ObjectDisposedException)
        {
            _logger.LogWarning(ex, "Redis backplane unavailable ({What}); delivering on this host only", what);
            return false;
        }
    }
}
