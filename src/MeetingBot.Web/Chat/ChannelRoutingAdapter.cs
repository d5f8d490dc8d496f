using System.Security.Claims;
using MeetingBot.Web.Bot;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Chat;

/// <summary>
/// The <see cref="BotAdapter"/> that proactive code (<see cref="BotEventSubscriber"/>) is given: a saved conversation
/// of the web client's chat is continued by <see cref="WebChatAdapter"/>, every other one by the Bot Framework adapter
/// behind /api/messages, so a notice reaches the user wherever they last talked to the bot.
/// </summary>
public sealed class ChannelRoutingAdapter(AdapterWithErrorHandler connector, WebChatAdapter webChat) : BotAdapter
{
    private BotAdapter For(string? channelId) => channelId == WebChatChannel.Id ? webChat : connector;

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken) =>
        For(turnContext.Activity.ChannelId).SendActivitiesAsync(turnContext, activities, cancellationToken);

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        For(turnContext.Activity.ChannelId).UpdateActivityAsync(turnContext, activity, cancellationToken);

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        For(turnContext.Activity.ChannelId).DeleteActivityAsync(turnContext, reference, cancellationToken);

    public override Task ContinueConversationAsync(string botId, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        For(reference?.ChannelId).ContinueConversationAsync(botId, reference, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        For(reference?.ChannelId).ContinueConversationAsync(claimsIdentity, reference, callback, cancellationToken);

    public override Task ContinueConversationAsync(ClaimsIdentity claimsIdentity, ConversationReference reference, string audience, BotCallbackHandler callback, CancellationToken cancellationToken) =>
        For(reference?.ChannelId).ContinueConversationAsync(claimsIdentity, reference, audience, callback, cancellationToken);
}
