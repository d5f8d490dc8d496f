using MeetingBot.Web.Bot.Transcripts;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;

namespace MeetingBot.Web.Tests.Bot;

public sealed class OrderedTranscriptLoggerTests
{
    private sealed class ListLogger(Func<IActivity, bool>? fails = null) : ITranscriptLogger
    {
        public List<string> Written { get; } = [];

        public Task LogActivityAsync(IActivity activity)
        {
            if (fails?.Invoke(activity) == true) throw new IOException("disk full");
            lock (Written) Written.Add(activity.AsMessageActivity().Text);
            return Task.CompletedTask;
        }
    }

    private static Activity Message(string conversation, string text) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        Conversation = new ConversationAccount(id: conversation),
    };

    [Fact]
    public async Task ProactiveDuringATurn_OfThatConversation_IsWrittenAfterTheTurn()
    {
        var inner = new ListLogger();
        await using var logger = new OrderedTranscriptLogger(inner, NullLogger.Instance);

        var begun = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var turn = Task.Run(async () =>
        {
            using (logger.BeginPipeline("c1", proactive: false))
            {
                begun.SetResult();
                await release.Task;
                await logger.LogActivityAsync(Message("c1", "call me"));
                await logger.LogActivityAsync(Message("c1", "calling you"));
            }
        });
        await begun.Task;
        await Task.Run(async () =>
        {
            using (logger.BeginPipeline("c1", proactive: true)) await logger.LogActivityAsync(Message("c1", "your phone is connected"));
            using (logger.BeginPipeline("c2", proactive: true)) await logger.LogActivityAsync(Message("c2", "other chat, not held"));
        });
        release.SetResult();
        await turn;
        await logger.FlushAsync();

        Assert.Equal(["other chat, not held", "call me", "calling you", "your phone is connected"], inner.Written);
    }

    [Fact]
    public async Task ProactiveWithNoTurnRunning_IsWrittenAtOnce()
    {
        var inner = new ListLogger();
        await using var logger = new OrderedTranscriptLogger(inner, NullLogger.Instance);
        using (logger.BeginPipeline("c1", proactive: false)) await logger.LogActivityAsync(Message("c1", "leave"));
        using (logger.BeginPipeline("c1", proactive: true)) await logger.LogActivityAsync(Message("c1", "hang up both ends"));
        await logger.FlushAsync();

        Assert.Equal(["leave", "hang up both ends"], inner.Written);
    }

    [Fact]
    public async Task AWriteFails_LaterActivitiesAreStillWritten()
    {
        var inner = new ListLogger(a => a.AsMessageActivity().Text == "bad");
        await using var logger = new OrderedTranscriptLogger(inner, NullLogger.Instance);
        await logger.LogActivityAsync(Message("c1", "bad"));
        await logger.LogActivityAsync(Message("c1", "good"));
        await logger.FlushAsync();

        Assert.Equal(["good"], inner.Written);
    }
}
