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
/// </remarks>
public sealed class OrderedTranscriptLogger : ITranscriptLogger, IAsyncDisposable
{
    private readonly Channel<(IActivity? Activity, TaskCompletionSource? Flushed)> _queue =
        Channel.CreateUnbounded<(IActivity?, TaskCompletionSource?)>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ITranscriptLogger _inner;
    private readonly ILogger _logger;
    private readonly Task _writer;

    public OrderedTranscriptLogger(ITranscriptLogger inner, ILogger logger)
    {
        _inner = inner;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    public Task LogActivityAsync(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _queue.Writer.TryWrite((activity, null));
        return Task.CompletedTask;
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
