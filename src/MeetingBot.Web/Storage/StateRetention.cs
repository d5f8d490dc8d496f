using MeetingBot.Storage;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Storage;

/// <summary>
/// Keeps the bot's state store from growing without bound: every <see cref="StorageOptions.StateRetentionCheckEvery"/>
/// (and at start-up) it deletes the conversation and user state, and the conversation references, that nobody wrote or
/// read for <see cref="StorageOptions.StateRetention"/>. A person who comes back later starts a fresh chat (the demo
/// user by default); a proactive notice reaches them again once they have spoken. Every host runs it; the delete is
/// idempotent. Runs on the real clock: the demo clock's jumps must not purge a conversation.
/// </summary>
public sealed class StateRetention(ConversationStateStore store, IOptions<StorageOptions> options, ILogger<StateRetention> logger, TimeProvider? time = null)
    : BackgroundService
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>One pass; the number of documents deleted.</summary>
    public int PurgeOnce()
    {
        var purged = store.Purge(options.Value.StateRetention);
        if (purged > 0) logger.LogInformation("Removed {Count} bot state documents unused for {Retention}", purged, options.Value.StateRetention);
        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.StateRetention <= TimeSpan.Zero) return; // kept forever, as configured
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                PurgeOnce();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down for a while: the next pass tries again; turns are not affected.
                logger.LogWarning(ex, "Could not purge old bot state; trying again in {Interval}", options.Value.StateRetentionCheckEvery);
            }
            try
            {
                await Task.Delay(options.Value.StateRetentionCheckEvery, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
