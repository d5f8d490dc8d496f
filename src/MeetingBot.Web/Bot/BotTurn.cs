using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Bot;

/// <summary>One incoming activity with the state the commands need: who is acting, and in which meeting.</summary>
public sealed class BotTurn(ITurnContext context, ConversationData conversation, UserProfile profile, string tenantId, CancellationToken cancellationToken)
{
    public ITurnContext Context { get; } = context;
    public ConversationData Conversation { get; } = conversation;
    public string TenantId { get; } = tenantId;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The demo user this chat acts as.</summary>
    public string UserId => profile.ActingAs!;

    public void ActAs(string userId) => profile.ActingAs = userId;

    /// <summary>The viewer's UTC offset, from the client's local timestamp when it sends one.</summary>
    public TimeSpan ViewerOffset => Context.Activity.LocalTimestamp?.Offset ?? TimeSpan.Zero;

    public Task SayAsync(string text) => Context.SendActivityAsync(MessageFactory.Text(text), CancellationToken);

    public Task SendCardAsync(JObject card, string? text = null)
    {
        var activity = MessageFactory.Attachment(CardAttachment.From(card));
        if (text is not null) activity.Text = text;
        return Context.SendActivityAsync(activity, CancellationToken);
    }
}
