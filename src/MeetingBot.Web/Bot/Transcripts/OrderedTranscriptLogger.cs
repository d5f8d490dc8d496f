using System.Threading.Channels;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Bot.Transcripts;

/// <summary>
/// Hands activities to an inner transcript logger one at a time, in the order they were logged.
/// </summary>
/// <remarks>
/// Bot Builder's <see cref="TranscriptLoggerMiddleware"/> flushes a turn's activities without waiting for the
/// writes, and <see cref="FileTranscriptLogger"/> appends by rewriting the file's closing bracket: two turns (or a
/// turn and a proactive message) writing one conversation's file at once could interleave or lose an activity.
/// Taking each activity synchronously into one queue keeps the middleware's order, and one writer keeps the file whole.
/// <see cref="BeginPipeline"/> (from <see cref="TranscriptMiddleware"/>) holds a proactive pipeline's activities back
/// while a turn of the same conversation runs.
/// </remarks>
public sealed class OrderedTranscriptLogger : ITranscriptLogger, IAsyncDisposable
{
    private readonly Channel<(IActivity? Activity, TaskCompletionSource? Flushed)> _queue =
        Channel.CreateUnbounded<(IActivity?, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ITranscriptLogger _inner;
    private readonly ILogger _logger;
    private readonly Task _writer;
    private readonly AsyncLocal<Pipeline?> _current = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int OpenTurns, List<IActivity> Held)> _conversations = [];

    public OrderedTranscriptLogger(ITranscriptLogger inner, ILogger logger)
    {
        _inner = inner;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    public Task LogActivityAsync(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            if (_current.Value is { Proactive: true } && activity.Conversation?.Id is { } id
                && _conversations.TryGetValue(id, out var conversation) && conversation.OpenTurns > 0)
                conversation.Held.Add(activity);
            else
                _queue.Writer.TryWrite((activity, null));
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// Marks the calling async flow as one pipeline run (a turn, or a proactive continuation when
    /// <paramref name="proactive"/>) until disposed; what a proactive run logs for a conversation with a turn in
    /// progress is written when the last such turn ends.
    /// </summary>
    public IDisposable BeginPipeline(string? conversationId, bool proactive)
    {
        var pipeline = new Pipeline(this, conversationId, proactive);
        _current.Value = pipeline;
        if (!proactive && conversationId is not null)
            lock (_gate)
            {
                var (open, held) = _conversations.GetValueOrDefault(conversationId, (0, []));
                _conversations[conversationId] = (open + 1, held);
            }
        return pipeline;
    }

    private void EndTurn(string conversationId)
    {
        lock (_gate)
        {
            var (open, held) = _conversations[conversationId];
            if (open > 1)
            {
                _conversations[conversationId] = (open - 1, held);
                return;
            }
            _conversations.Remove(conversationId);
            foreach (var activity in held) _queue.Writer.TryWrite((activity, null));
        }
    }

    /// <summary>Completes when every activity logged before the call has been written.</summary>
    public Task FlushAsync()
    {
        var flushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_queue.Writer.TryWrite((null, flushed))) flushed.TrySetResult();
        return flushed.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed class Pipeline(OrderedTranscriptLogger owner, string? conversationId, bool proactive) : IDisposable
    {
        public bool Proactive => proactive;

        public void Dispose()
        {
            if (!proactive && conversationId is not null) owner.EndTurn(conversationId);
        }
    }

    private async Task WriteAsync()
    {
        await foreach (var (activity, flushed) in _queue.Reader.ReadAllAsync())
        {
            if (flushed is not null)
            {
                flushed.TrySetResult();
                continue;
            }
            try
            {
                await _inner.LogActivityAsync(activity!);
            }
            catch (Exception e)
            {
                // A transcript is a development aid: a write that fails must never fail or stall the chat.
                _logger.LogWarning(e, "Could not write a {ActivityType} activity to the transcript", activity!.Type);
            }
        }
    }
}
