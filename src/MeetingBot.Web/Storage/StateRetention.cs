using MeetingBot.Storage;
using Microsoft.Extensions.Options;

namespace MeetingBot.Web.Storage;

/// <summary>
/// Keeps the bot's state store from growing without bound: every <see cref="StorageOptions.StateRetentionCheckEvery"/>
/// (and at start-up) it deletes the conversation and user state, and the conversation references, that nobody wrote or
/// read for <see cref="StorageOptions.StateRetention"/>. A person who comes back later starts a fresh chat (the demo
/// user by default); a proactive notice reaches them again once they have spoken. The same pass deletes the web chat's
/// history older than <see cref="StorageOptions.ChatRetention"/>. Every host runs it; the deletes are idempotent. Runs
/// on the real clock: the demo clock's jumps must not purge a conversation.
/// </summary>
public sealed class StateRetention(ConversationStateStore store, IOptions<StorageOptions> options, ILogger<StateRetention> logger,
    ChatActivityStore? chat = null, TimeProvider? time = null)
    : BackgroundService
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>One pass; the number of bot state documents and chat activities deleted.</summary>
    public (int States, int ChatActivities) PurgeOnce()
    {
        var o = options.Value;
        var states = o.StateRetention > TimeSpan.Zero ? store.Purge(o.StateRetention) : 0;
        if (states > 0) logger.LogInformation("Removed {Count} bot state documents unused for {Retention}", states, o.StateRetention);
        var activities = chat is not null && o.ChatRetention > TimeSpan.Zero ? chat.Purge(_time.GetUtcNow() - o.ChatRetention) : 0;
        if (activities > 0) logger.LogInformation("Removed {Count} chat activities older than {Retention}", activities, o.ChatRetention);
        return (states, activities);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.StateRetention <= TimeSpan.Zero && options.Value.ChatRetention <= TimeSpan.Zero) return; // kept forever, as configured
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                PurgeOnce();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be down for a while: the next pass tries again; turns are not affected.
                logger.LogWarning(ex, "Could not purge old bot state or chat history; trying again in {Interval}", options.Value.StateRetentionCheckEvery);
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
