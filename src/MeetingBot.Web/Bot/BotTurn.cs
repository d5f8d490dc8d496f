using MeetingBot.Web.Bot.Cards;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Bot;

/// <summary>One incoming activity with the state the commands need: who is acting, and in which meeting.</summary>
public sealed class BotTurn(ITurnContext context, ConversationData conversation, ChatIdentity identity, Func<Task<UserProfile>> profile, CancellationToken cancellationToken)
{
    public ITurnContext Context { get; } = context;
    public ConversationData Conversation { get; } = conversation;
    public string TenantId { get; } = identity.TenantId;
    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The user this chat acts as: the Teams sender's directory user, or the demo user in the Emulator.</summary>
    public string UserId { get; private set; } = identity.UserId;

    /// <summary>The local demo's switch of user (<see cref="Flows.IdentityFlow.ActAsAsync"/> checks that it is allowed), kept for the next turns.</summary>
    public async Task ActAsAsync(string userId)
    {
        (await profile()).ActingAs = userId;
        UserId = userId;
    }

    /// <summary>The viewer's UTC offset, from the client's local timestamp when it sends one.</summary>
    public TimeSpan ViewerOffset => Context.Activity.LocalTimestamp?.Offset ?? TimeSpan.Zero;

    public Task SayAsync(string text) => Context.SendActivityAsync(MessageFactory.Text(text), CancellationToken);

    /// <returns>The channel's answer (the posted activity's id, where the channel gives one).</returns>
    public Task<ResourceResponse> SendCardAsync(JObject card, string? text = null)
    {
        var activity = MessageFactory.Attachment(CardAttachment.From(card));
        if (text is not null) activity.Text = text;
        return Context.SendActivityAsync(activity, CancellationToken);
    }
}
