using Microsoft.Bot.Builder;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>A bot whose every turn fails, to see what the adapter's error handler tells the user.</summary>
public sealed class ThrowingBot(Func<Exception>? failure = null) : IBot
{
    public const string Secret = "connection string Password=hunter2";

    public Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        throw (failure?.Invoke() ?? new InvalidOperationException(Secret));
}
