using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Web.Bot.Cards;
using MeetingBot.Web.Engine;
using Microsoft.Bot.Builder;

namespace MeetingBot.Web.Chat;

/// <summary>
/// Tells a meeting's chat what happens in the meeting, as Teams' meeting chat does: who joined (and how), who left, a
/// phone that connected, the meeting ending. Stored like any bot message, so people who open the chat later read it too.
/// </summary>
public sealed class MeetingChatEventSubscriber(WebChatAdapter adapter) : IEngineEventSubscriber
{
    public Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken) => engineEvent switch
    {
        ParticipantJoined e => SayAsync(e.TenantId, e.MeetingId,
            $"{e.DisplayName} joined{(e.IsPhoneOnly ? " by phone" : "")}{(e.InLobby ? " and is waiting in the lobby" : "")}.", cancellationToken),
        ParticipantLeft e => SayAsync(e.TenantId, e.MeetingId, $"{e.DisplayName} left.", cancellationToken),
        CallLegStateChanged { State: CallLegState.Connected, IsMuted: false } e => SayAsync(e.TenantId, e.MeetingId,
            $"📞 {CardFormat.Phone(e.ToNumber)} connected{(e.Kind == CallLegKind.CallMe ? " (Call me)" : "")}.", cancellationToken),
        CallLegStateChanged { State: CallLegState.CutOff } e => SayAsync(e.TenantId, e.MeetingId,
            $"📞 The call to {CardFormat.Phone(e.ToNumber)} was cut off after {e.MinutesPaid} minute(s).", cancellationToken),
        MeetingEnded e => SayAsync(e.TenantId, e.MeetingId, "The meeting ended." + (e.PhoneLegsStillConnected > 0
            ? $" {e.PhoneLegsStillConnected} phone call(s) are still connected: hang up your phone too." : ""), cancellationToken),
        _ => Task.CompletedTask,
    };

    private Task SayAsync(string tenantId, string meetingId, string text, CancellationToken cancellationToken)
    {
        var conversation = ChatConversationId.Meeting(tenantId, meetingId);
        return adapter.ContinueConversationAsync(WebChatChannel.BotId, WebChatAdapter.ReferenceFor(conversation, WebChatChannel.BotId),
            (turnContext, ct) => turnContext.SendActivityAsync(MessageFactory.Text(text), ct), cancellationToken);
    }
}
