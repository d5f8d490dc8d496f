using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Bot.Transcripts;

/// <summary>
/// Bot Builder's <see cref="TranscriptLoggerMiddleware"/>, with one rule about order: what a proactive pipeline sends
/// to a conversation while a turn of that conversation is running is written after that turn.
/// </summary>
/// <remarks>
/// The Bot Builder middleware writes a turn's incoming activity and replies together when the turn ends. An engine
/// event caused by the turn ("your phone is connected") is sent proactively while the turn is still running, so it
/// would land in the file before the message that caused it. A transcript reads as the conversation did, and replays
/// by turn: the user's activity, the replies, then what the turn set off.
/// </remarks>
public sealed class TranscriptMiddleware(OrderedTranscriptLogger logger) : Microsoft.Bot.Builder.IMiddleware
{
    private readonly TranscriptLoggerMiddleware _inner = new(logger);

    public OrderedTranscriptLogger Logger => logger;

    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken = default)
    {
        var activity = turnContext.Activity;
        var proactive = activity?.Type == ActivityTypes.Event && activity.Name == ActivityEventNames.ContinueConversation;
        using (logger.BeginPipeline(activity?.Conversation?.Id, proactive))
            await _inner.OnTurnAsync(turnContext, next, cancellationToken);
    }
}
