using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Web.Bot.Cards;
using MeetingBot.Web.Engine;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Bot;

/// <summary>
/// Turns engine events into proactive chat messages in each user's last conversation: cut-offs and refusals
/// (with the exact Teams words), warnings before a cut-off, hang-up reminders, phone legs connecting, and low pools and credits about to expire (to admins).
/// </summary>
public sealed class BotEventSubscriber(
    BotAdapter adapter,
    ConversationReferenceStore references,
    ITenants tenants,
    NoticeLedger ledger,
    BotSettings settings,
    ILogger<BotEventSubscriber> logger) : IEngineEventSubscriber
{
    public async Task HandleAsync(EngineEvent engineEvent, CancellationToken cancellationToken)
    {
        switch (engineEvent)
        {
            case CallingFeatureUnavailable e when !ledger.ToldRecently(NoticeLedger.Unavailable(e.UserId, e.MeetingId)):
                // Teams' own sentence, word for word: nothing added to it.
                await SendAsync(engineEvent.TenantId, e.UserId, MessageFactory.Text(e.Message), cancellationToken);
                break;
            case HangUpReminder e when !ledger.ToldRecently(NoticeLedger.Reminder(e.UserId, e.MeetingId)):
                await SendAsync(engineEvent.TenantId, e.UserId, Card(HangUpReminderCard.Build(e.MeetingId, e.LegId, e.ToNumber, e.ConnectedFor), e.Message), cancellationToken);
                break;
            case AddedPhoneStillConnected e:
                await SendAsync(engineEvent.TenantId, e.UserId, Card(HangUpReminderCard.BuildForAdded(e.MeetingId, e.LegId, e.ToNumber,
                    CardFormat.AddedPhoneStillConnected(e.ToNumber, e.MeetingId, e.RatePerMinute, e.Currency)), "📞 " + CardFormat.Phone(e.ToNumber) + " is still connected"), cancellationToken);
                break;
            case OrphanedLegEnded e:
                await SendAsync(engineEvent.TenantId, e.UserId, MessageFactory.Text("📞 " + CardFormat.OrphanedLegEnded(e.ToNumber, e.MeetingId, e.Reason)), cancellationToken);
                break;
            case CallLegStateChanged { UserId: { } userId, State: CallLegState.Connected } e:
                await SendAsync(engineEvent.TenantId, userId, MessageFactory.Text(e.Kind == CallLegKind.CallMe
                    ? $"📞 Your phone {CardFormat.Phone(e.ToNumber)} is connected to meeting {e.MeetingId}."
                    : $"📞 {CardFormat.Phone(e.ToNumber)} answered and joined meeting {e.MeetingId}."), cancellationToken);
                await UpdateRosterCardAsync(engineEvent.TenantId, userId, e.MeetingId, cancellationToken);
                break;
            case CallLegStateChanged { UserId: { } userId, State: CallLegState.CutOff } e:
                await SendAsync(engineEvent.TenantId, userId, MessageFactory.Text(
                    $"📞 The call to {CardFormat.Phone(e.ToNumber)} in meeting {e.MeetingId} was cut off after {e.MinutesPaid} minute(s): " +
                    (e.CutOffReason == EngineError.DialOutBudgetSpent ? "your monthly dial-out budget is used up." : "no pooled minutes or credits were left to pay for the next one.")), cancellationToken);
                break;
            case DialOutApprovalRequested e:
                await SendAsync(engineEvent.TenantId, e.Approval.OrganizerId, Card(ApprovalCard.Build(e.Approval), "🛡️ " + GuardrailWords.Request(e.Approval)), cancellationToken);
                break;
            case DialOutApprovalDecided e:
                await SendAsync(engineEvent.TenantId, e.Approval.RequesterId, MessageFactory.Text("🛡️ " + e.Message), cancellationToken);
                // The organizer decided in a chat turn and was answered there; an expiry happened without them.
                if (e.Approval.Status == ApprovalStatus.Expired)
                    await SendAsync(engineEvent.TenantId, e.Approval.OrganizerId, MessageFactory.Text(
                        $"🛡️ The request to call {CardFormat.Phone(e.Approval.Number)} for {e.Approval.RequesterName} expired: nothing was dialed."), cancellationToken);
                break;
            case ParticipantJoined { InLobby: true } e when (await tenants.Ask(e.TenantId, new GetMeeting(e.MeetingId))) is { IsSuccess: true, Value: { } meeting }:
                // As in Teams, the organizer is told someone is waiting, with the buttons to let them in.
                await SendAsync(engineEvent.TenantId, meeting.OrganizerId, Card(LobbyCard.Build(meeting), $"🚪 {e.DisplayName} is waiting in the lobby of meeting {e.MeetingId}."), cancellationToken);
                break;
            case CutOffWarning e:
                var currency = tenants.Catalog.Find(e.TenantId)?.Currency ?? "";
                foreach (var userId in e.Recipients)
                {
                    var isAdmin = (await tenants.Ask(e.TenantId, new GetUser(userId))) is { IsSuccess: true, Value.IsTenantAdmin: true };
                    await SendAsync(engineEvent.TenantId, userId, Card(CutOffWarningCard.Build(e, isAdmin, currency), "⏳ " + CutOffWarningCard.Summary(e) + "."), cancellationToken);
                }
                break;
            case CreditsExpiringSoon e:
                foreach (var admin in (await tenants.Ask(e.TenantId, new ListUsers())).Where(u => u.IsTenantAdmin))
                    await SendAsync(engineEvent.TenantId, admin.Id, MessageFactory.Text(
                        ForecastWords.ExpiryNotice(e.Remaining, e.Currency, e.PurchasedAt, e.ExpiresAt) + " Type `credits` for the forecast."), cancellationToken);
                break;
            case PoolLow e:
                foreach (var admin in (await tenants.Ask(e.TenantId, new ListUsers())).Where(u => u.IsTenantAdmin))
                    await SendAsync(engineEvent.TenantId, admin.Id, MessageFactory.Text(
                        $"⚠️ Pooled Audio Conferencing dial-out minutes are {e.ThresholdPercent}% used this month: {CardFormat.ProgressBar(e.MinutesUsed, e.MinutesAvailable)}. Add Communications Credits to keep calls going after the pool runs out."), cancellationToken);
                break;
        }
    }

    private static IActivity Card(Newtonsoft.Json.Linq.JObject card, string text)
    {
        var activity = MessageFactory.Attachment(CardAttachment.From(card));
        activity.Text = text;
        return activity;
    }

    /// <summary>
    /// Redraws the roster card last posted to <paramref name="userId"/>, where it is, if it shows this meeting: the card
    /// posted with "Calling you at…" then says connected instead of ringing. A channel that cannot update activities
    /// keeps the old card (its Refresh button posts a fresh one); the connected message was sent either way.
    /// </summary>
    private async Task UpdateRosterCardAsync(string tenantId, string userId, string meetingId, CancellationToken cancellationToken)
    {
        if (await references.GetRosterCardAsync(tenantId, userId, cancellationToken) is not { } posted || posted.MeetingId != meetingId) return;
        var reference = await references.GetAsync(tenantId, userId, cancellationToken);
        if (reference?.Conversation?.Id != posted.ConversationId) return; // the user has moved to another chat
        if (await tenants.Ask(tenantId, new GetMeeting(meetingId)) is not { IsSuccess: true, Value: { } meeting }) return;
        var card = RosterCard.Build(meeting, await tenants.Ask(tenantId, new ListLegs(meetingId)), userId);
        try
        {
            await adapter.ContinueConversationAsync(settings.AppId, reference, async (turnContext, ct) =>
            {
                // As for a notice (SendAsync): Bot Builder would make the update a reply to the continuation's made-up id,
                // and Web Chat holds back (and warns about) a reply to an activity it never saw.
                turnContext.OnUpdateActivity((_, activity, next) =>
                {
                    activity.ReplyToId = null;
                    return next();
                });
                var update = MessageFactory.Attachment(CardAttachment.From(card));
                update.Id = posted.ActivityId;
                update.Conversation = turnContext.Activity.Conversation;
                await turnContext.UpdateActivityAsync(update, ct);
            }, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug(ex, "The roster card of {UserId} could not be updated in place", userId);
        }
    }

    private async Task SendAsync(string tenantId, string userId, IActivity activity, CancellationToken cancellationToken)
    {
        var reference = await references.GetAsync(tenantId, userId, cancellationToken);
        if (reference is null)
        {
            logger.LogDebug("No conversation for {UserId}; {Text} not sent", userId, (activity as IMessageActivity)?.Text);
            return;
        }
        // A notice answers no message: Bot Builder makes the continuation a reply to a made-up activity id, which Web
        // Chat holds back (it never saw that activity). Without replyToId the connector posts it to the conversation.
        await adapter.ContinueConversationAsync(settings.AppId, reference, (turnContext, ct) =>
        {
            turnContext.OnSendActivities((_, activities, next) =>
            {
                foreach (var a in activities) a.ReplyToId = null;
                return next();
            });
            return turnContext.SendActivityAsync(activity, ct);
        }, cancellationToken);
    }
}
