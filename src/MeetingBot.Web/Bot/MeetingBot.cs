using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using System.Globalization;
using System.Text.RegularExpressions;
using MeetingBot.Engine;
using MeetingBot.Engine.Meetings;
using MeetingBot.Web.Bot.Cards;
using MeetingBot.Web.Bot.Flows;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Bot;

/// <summary>
/// The chat side of MeetingBot. Text commands go through a table of patterns; card submits carry an
/// <c>action</c> discriminator and go through one switch. Every refusal shows the engine's own words.
/// </summary>
public sealed class MeetingBot : ActivityHandler
{
    public const int MaxTextLength = 2000;
    public const string DialInHowTo =
        "To dial in, give the meeting's conference ID from its invite, followed by #: `dial in 123456789#` (add `pin 1234#` to join as the organizer, `from +1 212 555 0100` to pick the caller's number).";
    public const string UnknownSubmit = "That button is not one I know (the card may be from an older version). Type help for fresh cards.";

    private readonly ITenants _tenants;
    private readonly ConversationState _conversationState;
    private readonly UserState _userState;
    private readonly ConversationReferenceStore _references;
    private readonly MeetingFlow _meetings;
    private readonly PhoneFlow _phone;
    private readonly AdminFlow _admin;
    private readonly IdentityFlow _identity;
    private readonly GuardrailFlow _guardrails;
    private readonly ChatIdentityResolver _identities;
    private readonly ChatCommandRouter _router;

    public MeetingBot(
        ITenants tenants,
        ConversationState conversationState,
        UserState userState,
        ConversationReferenceStore references,
        NoticeLedger ledger,
        [FromKeyedServices(MeetingBotClock.Key)] TimeProvider time,
        BotSettings settings,
        DemoTime? demoTime = null)
    {
        _tenants = tenants;
        _conversationState = conversationState;
        _userState = userState;
        _references = references;
        _meetings = new MeetingFlow(tenants, time, ledger, references);
        _identities = new ChatIdentityResolver(tenants, settings);
        _phone = new PhoneFlow(tenants, ledger, _meetings, _identities, time);
        _admin = new AdminFlow(tenants, time, _identities, settings.PublicBaseUrl, demoTime);
        _identity = new IdentityFlow(tenants, _identities);
        _guardrails = new GuardrailFlow(tenants, _admin);
        _router = BuildRouter();
    }

    /// <summary>The chat command table (exposed so tests can check every catalog command routes).</summary>
    public ChatCommandRouter Router => _router;

    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await base.OnTurnAsync(turnContext, cancellationToken);
        await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await _userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        // The Emulator sends one update holding both the bot and the user, without roles: greet once per
        // update if anyone but the bot arrived. "Restart conversation" repeats it, and greeting again is right.
        if (!membersAdded.Any(m => m.Id != turnContext.Activity.Recipient?.Id)) return;
        if (await LoadTurnAsync(turnContext, cancellationToken) is not { } turn) return;
        var user = (await _tenants.Ask(turn.TenantId, new GetUser(turn.UserId)));
        var tenant = (await _tenants.Ask(turn.TenantId, new GetTenant()));
        if (!user.IsSuccess || !tenant.IsSuccess)
        {
            await turn.SayAsync("Welcome to MeetingBot. The demo tenant is not set up on this host.");
            return;
        }
        await turn.SendCardAsync(WelcomeCard.Build(user.Value!, tenant.Value!.Name));
    }

    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        if (await LoadTurnAsync(turnContext, cancellationToken) is not { } turn) return;
        await HandleMessageAsync(turn, turnContext);
        // "act as" may have changed who this chat is: events for the new user come here from now on.
        await _references.SaveAsync(turn.TenantId, turn.UserId, turnContext.Activity.GetConversationReference(), cancellationToken);
    }

    private async Task HandleMessageAsync(BotTurn turn, ITurnContext<IMessageActivity> turnContext)
    {
        var activity = turnContext.Activity;
        if (activity.Value is not null)
        {
            var submit = SubmitData.From(activity.Value);
            if (submit is null)
            {
                await turn.SayAsync(UnknownSubmit);
                return;
            }
            await OnSubmitAsync(turn, submit);
            return;
        }

        var text = TextWithoutBotMention(activity) ?? "";
        if (text.Length > MaxTextLength)
        {
            await turn.SayAsync($"That message is {text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters long; commands are short (at most {MaxTextLength.ToString("N0", CultureInfo.InvariantCulture)}). Type help.");
            return;
        }
        if (string.IsNullOrWhiteSpace(text) || !await _router.TryRouteAsync(turn, text))
        {
            var tidy = ChatCommandRouter.Tidy(text);
            await turn.SendCardAsync(HelpCard.Build(tidy.Length == 0 ? null : tidy.Length > 60 ? tidy[..60] + "…" : tidy));
        }
    }

    /// <summary>
    /// The text without the bot's @mention (Teams puts "&lt;at&gt;MeetingBot&lt;/at&gt;" in a channel message). Bot Builder's
    /// RemoveRecipientMention throws on a missing recipient, a null entity or a mention without "mentioned"; a channel's
    /// odd entities must not fail the turn, so only well-formed mentions of the bot are removed.
    /// </summary>
    private static string? TextWithoutBotMention(IMessageActivity activity)
    {
        var text = activity.Text;
        if (string.IsNullOrEmpty(text) || activity.Recipient?.Id is not { Length: > 0 } botId || activity.Entities is null) return text;
        foreach (var entity in activity.Entities)
        {
            if (!string.Equals(entity?.Type, "mention", StringComparison.OrdinalIgnoreCase)) continue;
            var mentioned = entity!.Properties?["mentioned"] as JObject;
            if (mentioned?["id"] is not JValue { Type: JTokenType.String } id || (string?)id != botId) continue;
            var mention = entity.Properties!["text"] is JValue { Type: JTokenType.String } t ? (string?)t
                : mentioned["name"] is JValue { Type: JTokenType.String } name ? $"<at>{(string?)name}</at>" : null;
            if (!string.IsNullOrEmpty(mention)) text = text.Replace(mention, "", StringComparison.OrdinalIgnoreCase).Trim();
        }
        return text;
    }

    /// <summary>
    /// Who is speaking and their chat state; null after telling a sender nobody knows why nothing happens. Nothing is
    /// read or stored for them: no state, no conversation reference.
    /// </summary>
    private async Task<BotTurn?> LoadTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var profileProperty = _userState.CreateProperty<UserProfile>(nameof(UserProfile));
        Task<UserProfile> Profile() => profileProperty.GetAsync(turnContext, () => new UserProfile(), cancellationToken);
        var (identity, refusal) = await _identities.ResolveAsync(turnContext, Profile);
        if (identity is null)
        {
            await turnContext.SendActivityAsync(MessageFactory.Text(refusal), cancellationToken);
            return null;
        }
        var conversation = await _conversationState.CreateProperty<ConversationData>(nameof(ConversationData)).GetAsync(turnContext, () => new ConversationData(), cancellationToken);
        // In a meeting's chat, commands without a meeting id are about that meeting.
        if (Chat.ChatConversationId.MeetingOf(turnContext.Activity) is { } chatMeeting) conversation.CurrentMeetingId = chatMeeting;
        var turn = new BotTurn(turnContext, conversation, identity, Profile, cancellationToken);
        await _references.SaveAsync(turn.TenantId, turn.UserId, turnContext.Activity.GetConversationReference(), cancellationToken);
        return turn;
    }

    private async Task OnSubmitAsync(BotTurn turn, SubmitData data)
    {
        var meetingId = data.Get("meetingId");
        switch (data.Action)
        {
            case CardActions.Help:
                await turn.SendCardAsync(HelpCard.Build());
                break;
            case CardActions.Schedule:
                await _meetings.ScheduleAsync(turn, data.Get("subject"), data.Get("at"));
                break;
            case CardActions.ShowPreJoin when meetingId is not null:
                await _meetings.ShowPreJoinAsync(turn, meetingId);
                break;
            case CardActions.JoinComputer when meetingId is not null:
                await _meetings.JoinAsync(turn, meetingId, AudioMode.ComputerAudio);
                break;
            case CardActions.JoinNoAudio when meetingId is not null:
                await _meetings.JoinAsync(turn, meetingId, AudioMode.NoAudio);
                break;
            case CardActions.PhoneAudio when meetingId is not null:
                // As typed `call me at …`: the number as it will be dialed, confirmed before anything is spent.
                await _phone.PreviewCallMeAsync(turn, data.Get("phoneNumber") ?? "", meetingId);
                break;
            case CardActions.ConfirmCall when meetingId is not null:
                await _phone.CallMeAsync(turn, meetingId, data.Get("number"));
                break;
            case CardActions.CancelCall:
                await turn.SayAsync("Cancelled: nobody was called.");
                break;
            case CardActions.AddParticipant when meetingId is not null:
                // As typed `add …`: who would pay is shown, and confirmed, before anything is spent.
                await _phone.PreviewAddAsync(turn, data.Get("addNumber"), meetingId);
                break;
            case CardActions.ConfirmAdd when meetingId is not null:
                await _phone.AddParticipantAsync(turn, meetingId, data.Get("number"));
                break;
            case CardActions.HangUp:
                await _phone.HangUpAsync(turn, data.Get("legId"));
                break;
            case CardActions.Leave when meetingId is not null:
                await _meetings.LeaveAsync(turn, meetingId);
                break;
            case CardActions.EndMeeting when meetingId is not null:
                await _meetings.EndAsync(turn, meetingId);
                break;
            case CardActions.Roster when meetingId is not null:
                await _meetings.SendRosterAsync(turn, meetingId);
                break;
            case CardActions.Lobby when meetingId is not null:
                await _meetings.ShowLobbyAsync(turn, meetingId);
                break;
            case CardActions.Admit when meetingId is not null:
                // No participantId is the lobby card's "Admit all".
                await _meetings.AdmitAsync(turn, meetingId, data.Get("participantId"));
                break;
            case CardActions.SetLobby when meetingId is not null:
                await _meetings.SetLobbyAsync(turn, meetingId, data.Get("lobbyBypass"), data.Get("lobbyDialIn"));
                break;
            case CardActions.ResetPin:
                await _identity.ResetPinAsync(turn);
                break;
            case CardActions.Audit:
                await _admin.AuditAsync(turn);
                break;
            case CardActions.ActAs when data.Get("who") is { } who:
                await _identity.ActAsAsync(turn, who);
                break;
            case CardActions.AssignLicense:
                await _admin.AssignAsync(turn, data.Get("licUser"), data.Get("licSku"), assign: true);
                break;
            case CardActions.UnassignLicense:
                await _admin.AssignAsync(turn, data.Get("licUser"), data.Get("licSku"), assign: false);
                break;
            case CardActions.SetPermission:
                await _admin.SetPermissionAsync(turn, data.Get("permUser"), data.Get("permValue"));
                break;
            case CardActions.AddFunds:
                await _admin.AddFundsAsync(turn, data.Get("fundsAmount"));
                break;
            case CardActions.SetAutoRecharge:
                await _admin.SetAutoRechargeAsync(turn, data.Get("arEnabled"), data.Get("arThreshold"), data.Get("arAmount"));
                break;
            case CardActions.Admin:
                await _admin.ShowAsync(turn);
                break;
            case CardActions.ApproveDialOut or CardActions.DenyDialOut:
                await _guardrails.DecideAsync(turn, data.Get("approvalId"), data.Action == CardActions.ApproveDialOut);
                break;
            case CardActions.Approvals:
                await _guardrails.ListAsync(turn);
                break;
            case CardActions.Pools:
                await _admin.PoolsAsync(turn);
                break;
            case CardActions.Usage:
                await _admin.UsageAsync(turn, 30);
                break;
            case CardActions.Credits:
                await _admin.CreditsAsync(turn);
                break;
            case CardActions.ShowPreJoin or CardActions.JoinComputer or CardActions.JoinNoAudio or CardActions.PhoneAudio
                or CardActions.ConfirmCall or CardActions.AddParticipant or CardActions.ConfirmAdd or CardActions.Leave or CardActions.EndMeeting or CardActions.Roster
                or CardActions.Lobby or CardActions.Admit or CardActions.SetLobby:
                await turn.SayAsync("That button did not say which meeting it is for. Type `meetings` for fresh cards.");
                break;
            default:
                await turn.SayAsync(UnknownSubmit);
                break;
        }
    }

    /// <summary>What each chat command form does; the patterns, help texts and examples live in <see cref="BotCommandCatalog"/>.</summary>
    private ChatCommandRouter BuildRouter() => ChatCommandRouter.FromCatalog(new Dictionary<string, Func<BotTurn, Match, Task>>
    {
        ["help"] = (t, _) => t.SendCardAsync(HelpCard.Build()),
        ["whoami"] = (t, _) => _identity.WhoAmIAsync(t),
        ["act as"] = (t, m) => _identity.ActAsAsync(t, m.Groups["who"].Value),
        ["schedule"] = (t, m) => _meetings.ScheduleAsync(t, m.Groups["subject"].Value, m.Groups["at"].Success ? m.Groups["at"].Value : null),
        ["meetings"] = (t, _) => _meetings.ListAsync(t),
        ["join"] = (t, m) => _meetings.ShowPreJoinAsync(t, m.Groups["id"].Value),
        ["join which"] = (t, _) => _meetings.JoinWhichAsync(t),
        ["call me"] = (t, m) => m.Groups["now"].Success ? _phone.CallMeAsync(t, null, m.Groups["number"].Value) : _phone.PreviewCallMeAsync(t, m.Groups["number"].Value),
        ["dial in"] = (t, m) => _phone.DialInAsync(t, m.Groups["cid"].Value, m.Groups["pin"].Success ? m.Groups["pin"].Value : null, m.Groups["from"].Success ? m.Groups["from"].Value : null),
        ["dial in how"] = (t, _) => t.SayAsync(DialInHowTo),
        ["add funds"] = (t, m) => _admin.AddFundsAsync(t, m.Groups["amount"].Value),
        ["add"] = (t, m) => m.Groups["now"].Success ? _phone.AddParticipantAsync(t, null, m.Groups["number"].Value) : _phone.PreviewAddAsync(t, m.Groups["number"].Value),
        ["hang up"] = (t, _) => _phone.HangUpAsync(t, null),
        ["press"] = (t, m) => _phone.PressKeysAsync(t, m.Groups["keys"].Value),
        ["leave"] = (t, _) => _meetings.LeaveAsync(t, null),
        ["end meeting"] = (t, _) => _meetings.EndAsync(t, null),
        ["roster"] = (t, _) => _meetings.SendRosterAsync(t, null),
        ["lobby"] = (t, _) => _meetings.ShowLobbyAsync(t, null),
        ["admit"] = (t, m) => _meetings.AdmitAsync(t, null, m.Groups["who"].Success ? m.Groups["who"].Value : null),
        ["reset pin"] = (t, _) => _identity.ResetPinAsync(t),
        ["admin"] = (t, _) => _admin.ShowAsync(t),
        ["pools"] = (t, _) => _admin.PoolsAsync(t),
        ["usage"] = (t, m) => _admin.UsageAsync(t, m.Groups["days"].Success ? int.Parse(m.Groups["days"].Value, CultureInfo.InvariantCulture) : 30),
        ["map"] = (t, m) => _admin.MapDirectoryIdAsync(t, m.Groups["user"].Value, m.Groups["id"].Value),
        ["orphan policy"] = (t, m) => _admin.OrphanPolicyAsync(t, m.Groups["policy"].Value, m.Groups["minutes"].Value),
        ["guardrails"] = (t, _) => _guardrails.ShowAsync(t),
        ["budget"] = (t, m) => _guardrails.SetBudgetAsync(t, m.Groups["who"].Value, m.Groups["minutes"].Success ? m.Groups["minutes"].Value : null, m.Groups["money"].Success ? m.Groups["money"].Value : null),
        ["approval rule"] = (t, m) => _guardrails.SetRuleAsync(t, m.Groups["what"].Value, m.Groups["value"].Value),
        ["approvals"] = (t, _) => _guardrails.ListAsync(t),
        ["approve"] = (t, m) => _guardrails.DecideAsync(t, m.Groups["id"].Value, m.Groups["verb"].Value.Equals("approve", StringComparison.OrdinalIgnoreCase)),
        ["audit"] = (t, _) => _admin.AuditAsync(t),
        ["credits"] = (t, _) => _admin.CreditsAsync(t),
        ["fast forward"] = (t, m) => _admin.FastForwardAsync(t, m.Groups["n"].Value),
    });
}
