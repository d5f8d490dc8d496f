using MeetingBot.Engine.Snapshots;
using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Web.Bot.Cards;

namespace MeetingBot.Web.Bot.Flows;

/// <summary>Phone audio ("Call me"), adding people by phone, hanging up, and a simulated dial-in caller.</summary>
public sealed class PhoneFlow(ITenants tenants, NoticeLedger ledger, MeetingFlow meetings, ChatIdentityResolver identities, TimeProvider time)
{
    /// <summary>The simulated caller for "dial in" when none is given.</summary>
    public const string DemoCallerNumber = "+14055550123";

    /// <summary>
    /// "Call me" typed or pressed on the pre-join card: the number as it will be dialed and what it would cost (who pays,
    /// the dial-out policy's verdict), with Call and Cancel, before a minute is spent.
    /// </summary>
    public Task PreviewCallMeAsync(BotTurn turn, string number, string? forMeeting = null) =>
        PreviewAsync(turn, number, forMeeting, CallLegKind.CallMe);

    /// <summary>"add +44 20 7946 0000" typed or sent from the roster card: as <see cref="PreviewCallMeAsync"/>, for the person added.</summary>
    public Task PreviewAddAsync(BotTurn turn, string? number, string? forMeeting = null) =>
        string.IsNullOrWhiteSpace(number) ? turn.SayAsync(TypeANumberToAdd) : PreviewAsync(turn, number, forMeeting, CallLegKind.AddedParticipant);

    private async Task PreviewAsync(BotTurn turn, string number, string? forMeeting, CallLegKind kind)
    {
        if ((MeetingFlow.Clean(forMeeting) ?? turn.Conversation.CurrentMeetingId) is not { } meetingId)
        {
            await turn.SayAsync(MeetingFlow.NoCurrentMeeting);
            return;
        }
        var meeting = await tenants.Ask(turn.TenantId, new GetMeeting(meetingId));
        if (!meeting.IsSuccess)
        {
            await turn.SayAsync(meeting.Message!);
            return;
        }
        var cost = await tenants.Ask(turn.TenantId, new PreviewCost(turn.UserId, meetingId, number, kind));
        if (!cost.IsSuccess)
        {
            await turn.SayAsync(cost.Message!);
            return;
        }
        // A meeting that cannot dial out at all says so in a line, as before any confirm; the rest is a card.
        if (cost.Value!.Refusal is EngineError.MeetingEnded or EngineError.NoAudioConferencing)
        {
            await turn.SayAsync(cost.Value.RefusalMessage!);
            return;
        }
        await turn.SendCardAsync(ConfirmNumberCard.Build(meetingId, meeting.Value!.Subject, number.Trim(), cost.Value, turn.UserId));
    }

    public async Task CallMeAsync(BotTurn turn, string? meetingId, string? number)
    {
        var id = MeetingFlow.Clean(meetingId) ?? turn.Conversation.CurrentMeetingId;
        if (id is null)
        {
            await turn.SayAsync(MeetingFlow.NoCurrentMeeting);
            return;
        }
        if (string.IsNullOrWhiteSpace(number))
        {
            await turn.SayAsync("Type the phone number the meeting should call, e.g. 405 555 0100.");
            return;
        }
        var call = await RefusableAsync(turn, id, async () => (await tenants.Ask(turn.TenantId, new CallMe(turn.UserId, id, number))));
        if (!call.IsSuccess)
        {
            await turn.SayAsync(call.Message!);
            return;
        }
        turn.Conversation.CurrentMeetingId = id;
        await meetings.SendRosterAsync(turn, id, Calling(call.Value!, "📞 Calling you at"));
    }

    public async Task AddParticipantAsync(BotTurn turn, string? meetingId, string? number)
    {
        var id = MeetingFlow.Clean(meetingId) ?? turn.Conversation.CurrentMeetingId;
        if (id is null)
        {
            await turn.SayAsync(MeetingFlow.NoCurrentMeeting);
            return;
        }
        if (string.IsNullOrWhiteSpace(number))
        {
            await turn.SayAsync(TypeANumberToAdd);
            return;
        }
        var call = await RefusableAsync(turn, id, async () => (await tenants.Ask(turn.TenantId, new AddParticipantByPhone(turn.UserId, id, number))));
        if (!call.IsSuccess)
        {
            await turn.SayAsync(call.Message!);
            return;
        }
        await meetings.SendRosterAsync(turn, id, Calling(call.Value!, "📞 Calling"));
    }

    public async Task HangUpAsync(BotTurn turn, string? legId)
    {
        var ended = (await tenants.Ask(turn.TenantId, new HangUp(turn.UserId, string.IsNullOrWhiteSpace(legId) ? null : legId)));
        if (!ended.IsSuccess)
        {
            await turn.SayAsync(ended.Error == EngineError.NoPhoneLeg ? ended.Message + " " + HangUpWhichOne : ended.Message!);
            return;
        }
        var leg = ended.Value!;
        var charge = leg.ChargeSoFar > 0 ? $", {CardFormat.Amount(leg.ChargeSoFar)} charged to credits" : "";
        await turn.SayAsync($"📞 Hung up {CardFormat.Phone(leg.ToNumber)} after {leg.MinutesPaid} paid minute(s){charge}.");
    }

    /// <summary>A caller dials the bridge's toll number and types the conference ID (and, optionally, a PIN).</summary>
    /// <summary>The simulated phone: keys pressed on the user's own connected phone; the reply is what the phone played back.</summary>
    public async Task PressKeysAsync(BotTurn turn, string keys)
    {
        var before = time.GetUtcNow(); // the engine's clock: what it plays for these keys is stamped no earlier
        var pressed = await tenants.Ask(turn.TenantId, new PressKeys(turn.UserId, null, keys));
        if (!pressed.IsSuccess)
        {
            await turn.SayAsync(pressed.Message!);
            return;
        }
        var heard = (pressed.Value!.Prompts ?? []).Where(p => p.At >= before).Select(p => "🔊 " + p.Text).ToList();
        await turn.SayAsync(heard.Count == 0 ? $"📞 Pressed {keys} on {CardFormat.Phone(pressed.Value.ToNumber)}." : string.Join("\n\n", heard));
    }

    public async Task DialInAsync(BotTurn turn, string conferenceId, string? pin, string? callerNumber)
    {
        var tenant = (await tenants.Ask(turn.TenantId, new GetTenant()));
        if (!tenant.IsSuccess)
        {
            await turn.SayAsync(tenant.Message!);
            return;
        }
        var dialed = tenant.Value!.Bridge.TollNumber;
        // A simulated phone call from chat, from any caller number: the local demo's. Elsewhere each message would be a
        // fresh call, three more guesses at an organizer PIN every time, so a real chat is told to use a phone.
        if (!identities.IsLocalDemo(turn.Context.Activity))
        {
            await turn.SayAsync(DialInByPhone(dialed));
            return;
        }
        var caller = string.IsNullOrWhiteSpace(callerNumber) ? DemoCallerNumber : callerNumber.Trim();
        var transcript = new List<(DialInCard.Speaker, string)> { (DialInCard.Speaker.Caller, $"Calling {CardFormat.Phone(dialed)}") };
        var session = await tenants.StartDialInAsync(dialed, caller);
        if (!session.IsSuccess)
        {
            await turn.SendCardAsync(DialInCard.Build(dialed, caller, transcript, session.Message!));
            return;
        }
        var s = session.Value!;
        transcript.Add((DialInCard.Speaker.Bridge, s.Prompt));
        var digits = new string(conferenceId.Where(c => c != ' ').ToArray());
        if (!digits.EndsWith('#')) digits += "#";
        foreach (var keys in new[] { digits, NormalizePin(pin) })
        {
            transcript.Add((DialInCard.Speaker.Keypad, keys));
            var step = await tenants.Ask(s.TenantId, new EnterDialInDigits(s.Id, keys));
            s = step.Session ?? s;
            transcript.Add((DialInCard.Speaker.Bridge, s.Prompt));
            if (step.Error is not null || s.Stage != DialInStage.AwaitingPin) break;
        }
        var outcome = s.Stage switch
        {
            DialInStage.Admitted => $"Joined meeting {s.MeetingId} by phone{(s.IsOrganizer ? " as the organizer" : "")}.",
            DialInStage.InLobby => $"Waiting in the lobby of meeting {s.MeetingId}.",
            DialInStage.Disconnected => "The bridge hung up.",
            _ => "The bridge is still waiting for digits.",
        };
        await turn.SendCardAsync(DialInCard.Build(dialed, caller, transcript, outcome));
    }

    public const string TypeANumberToAdd = "Type the number to add, e.g. +44 20 7946 0000.";

    public const string HangUpWhichOne =
        "If you added people by phone, type `roster`: each one you added has its own Hang up button.";

    public static string DialInByPhone(string tollNumber) =>
        $"To dial in, call {CardFormat.Phone(tollNumber)} from your phone and enter the meeting's conference ID followed by #. Dialing in from chat is part of the local demo only.";

    private static string NormalizePin(string? pin)
    {
        var digits = new string((pin ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits + "#";
    }

    /// <summary>
    /// Runs a dial-out whose refusal the engine also publishes as an event. The reply shows the refusal, so
    /// the proactive sender is told to skip it; on success the mark is lifted so a later cut-off is still said.
    /// </summary>
    private async Task<EngineResult<CallLegSnapshot>> RefusableAsync(BotTurn turn, string meetingId, Func<Task<EngineResult<CallLegSnapshot>>> dial)
    {
        var key = NoticeLedger.Unavailable(turn.UserId, meetingId);
        ledger.MarkTold(key);
        var result = await dial();
        if (result.IsSuccess) ledger.Forget(key);
        return result;
    }

    private static string Calling(CallLegSnapshot leg, string prefix) =>
        leg.State == CallLegState.Connected
            ? $"{prefix} {leg.ToNumber} ({CardFormat.Phone(leg.ToNumber)}): connected."
            : $"{prefix} {leg.ToNumber} ({CardFormat.Phone(leg.ToNumber)})…";
}
