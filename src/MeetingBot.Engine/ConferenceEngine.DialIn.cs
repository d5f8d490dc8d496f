using MeetingBot.Engine.Billing;
using System.Collections.Concurrent;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Phone;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>
    /// Callers on the bridge: kept while they are keying digits or their call is up, and forgotten when the bridge hangs
    /// up, their call ends, or they type nothing for <see cref="EngineOptions.DialInInputTimeout"/> — so the sessions held
    /// are the calls in progress, not every call ever made.
    /// </summary>
    private readonly ConcurrentDictionary<string, DialInSession> _dialIns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _dialInByLeg = new(StringComparer.Ordinal);
    private long _dialInCounter;

    /// <summary>A caller dials a bridge number (toll, toll-free or local).</summary>
    public EngineResult<DialInSession> StartDialIn(string dialedNumber, string callerNumber)
    {
        var dialed = BridgeKey(dialedNumber);
        if (!dialed.IsSuccess) return dialed.Error!.Value;
        var caller = PhoneNumberNormalizer.Normalize(callerNumber, DialInDefaultRegion);
        if (!caller.IsSuccess) return caller.Error!.Value;
        if (!_tenantByBridgeNumber.TryGetValue(dialed.Value!, out var tenantId)) return EngineError.NotABridgeNumber;
        return InTenant<DialInSession>(tenantId, (tenant, raised) =>
        {
            var isTollFree = tenant.Bridge.TollFreeNumber == dialed.Value;
            if (isTollFree)
            {
                // Before the meeting (and so its organizer) is known, the tenant's credits alone can rule a call out.
                ExpireCredits(tenant, raised);
                if (!TollFreeCanBePaid(tenant)) return EngineError.TollFreeUnavailable;
            }
            var id = "dialin-" + Interlocked.Increment(ref _dialInCounter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var session = new DialInSession(id, tenant.Id, dialed.Value!, caller.Value!.E164, isTollFree, Now);
            _dialIns[id] = session;
            return session;
        });
    }

    public EngineResult<DialInSession> GetDialIn(string sessionId) =>
        _dialIns.TryGetValue(sessionId ?? "", out var s) ? EngineResult<DialInSession>.Ok(s) : EngineError.UnknownDialInSession;

    /// <summary>The caller presses keys. Digits must end with '#'.</summary>
    public EngineResult<DialInSession> EnterDialInDigits(string sessionId, string digits)
    {
        if (!_dialIns.TryGetValue(sessionId ?? "", out var session)) return EngineError.UnknownDialInSession;
        return InTenant<DialInSession>(session.TenantId, (tenant, raised) =>
        {
            switch (session.Stage)
            {
                case DialInStage.AwaitingConferenceId:
                    return EnterConferenceId(tenant, session, digits);
                case DialInStage.AwaitingPin:
                    return EnterPin(tenant, session, digits, raised);
                default:
                    return EngineError.UnknownDialInSession;
            }
        });
    }

    private EngineResult<DialInSession> EnterConferenceId(Tenant tenant, DialInSession session, string digits)
    {
        var valid = digits is { Length: >= 7 and <= 13 } && digits[^1] == '#' && digits[..^1].All(char.IsAsciiDigit);
        var meeting = valid
            ? tenant.Meetings.Values.FirstOrDefault(m => !m.IsEnded && m.ConferenceId == digits[..^1])
            : null;
        if (meeting is null)
        {
            if (session.FailedAttempt() >= Options.MaxConferenceIdAttempts)
            {
                Hangup(session, EngineMessages.For(EngineError.TooManyConferenceIdAttempts));
                return EngineError.TooManyConferenceIdAttempts;
            }
            session.Reprompt(valid ? DialInPrompts.TryAgain : EngineMessages.For(EngineError.InvalidConferenceIdFormat) + " " + DialInPrompts.EnterConferenceId);
            return valid ? EngineError.ConferenceIdNotFound : EngineError.InvalidConferenceIdFormat;
        }
        var organizer = tenant.UsersById[meeting.OrganizerId];
        var funding = Funding(tenant, organizer, CallerRegion(session), session.IsTollFree ? CallLegKind.DialInTollFree : CallLegKind.DialInToll, Now);
        if (!funding.IsFunded)
        {
            Hangup(session, EngineMessages.For(funding.Refusal!.Value));
            return funding.Refusal!.Value;
        }
        session.MeetingFound(meeting.Id);
        return session;
    }

    private EngineResult<DialInSession> EnterPin(Tenant tenant, DialInSession session, string digits, List<EngineEvent> raised)
    {
        var meeting = tenant.Meetings[session.MeetingId!];
        if (meeting.IsEnded)
        {
            Hangup(session, EngineMessages.For(EngineError.MeetingEnded));
            return EngineError.MeetingEnded;
        }
        if (digits is null || digits.Length is 0 or > 13 || digits[^1] != '#' || !digits[..^1].All(char.IsAsciiDigit))
        {
            session.Reprompt(DialInPrompts.EnterPinOrPound);
            return EngineError.InvalidPin;
        }
        var pin = digits[..^1];
        var organizer = tenant.UsersById[meeting.OrganizerId];
        if (pin.Length > 0 && pin != organizer.OrganizerPin)
        {
            if (session.FailedAttempt() >= Options.MaxConferenceIdAttempts)
            {
                Hangup(session, EngineMessages.For(EngineError.WrongPin));
                return EngineError.WrongPin;
            }
            session.Reprompt(DialInPrompts.WrongPin);
            return EngineError.WrongPin;
        }
        session.PinAccepted(asOrganizer: pin.Length > 0);
        var inLobby = !session.IsOrganizer && !meeting.Lobby.DialInCallersBypass;
        var name = session.IsOrganizer ? organizer.DisplayName : PhoneNumberNormalizer.Display(session.CallerNumber);
        var participant = meeting.JoinByPhone(session.IsOrganizer ? organizer.Id : null, name, Now, inLobby);
        var kind = session.IsTollFree ? CallLegKind.DialInTollFree : CallLegKind.DialInToll;
        var leg = CallLeg.Ring(NextLegId(), tenant.Id, meeting.Id, participant.Id, kind, null, organizer.Id,
            session.CallerNumber, session.DialedNumber, CallerRegion(session), Now);
        participant.UsePhone(leg.Id);
        tenant.Legs[leg.Id] = leg;
        tenant.LiveLegs.Add(leg);
        _tenantByLeg[leg.Id] = tenant.Id;
        session.CallPlaced(leg.Id);
        _dialInByLeg[leg.Id] = session.Id;
        JournalLeg(leg);
        raised.Add(new ParticipantJoined(tenant.Id, Now, meeting.Id, participant.Id, participant.DisplayName, IsPhoneOnly: !session.IsOrganizer, inLobby));
        Connect(tenant, leg, raised);
        if (!leg.IsLive)
        {
            Hangup(session, EngineMessages.For(EngineError.TollFreeUnavailable));
            return EngineError.TollFreeUnavailable;
        }
        session.Joined(inLobby);
        return session;
    }

    /// <summary>The bridge hangs up: the caller hears why (the answer to this key press says it), and the session is gone.</summary>
    private void Hangup(DialInSession session, string why)
    {
        session.Disconnect(why);
        Forget(session);
    }

    private void Forget(DialInSession session)
    {
        _dialIns.TryRemove(session.Id, out _);
        if (session.LegId is { } legId) _dialInByLeg.TryRemove(legId, out _);
    }

    /// <summary>The dial-in session whose call is <paramref name="legId"/>, if it is still held.</summary>
    private DialInSession? DialInOfLeg(string legId) =>
        _dialInByLeg.TryGetValue(legId, out var id) && _dialIns.TryGetValue(id, out var session) ? session : null;

    /// <summary>A dial-in call ended (hung up, cut off, the meeting ended): its session is over.</summary>
    private void DialInLegEnded(CallLeg leg)
    {
        if (leg.Kind is CallLegKind.DialInToll or CallLegKind.DialInTollFree && DialInOfLeg(leg.Id) is { } session)
        {
            session.Disconnect();
            Forget(session);
        }
    }

    /// <summary>Callers of this tenant who reached the bridge and typed nothing for the timeout are hung up. Caller holds the tenant lock.</summary>
    private void HangUpSilentCallers(Tenant tenant)
    {
        if (_dialIns.IsEmpty) return;
        foreach (var session in _dialIns.Values)
            if (session.TenantId == tenant.Id && session.LegId is null && Now - session.StartedAt >= Options.DialInInputTimeout)
                Hangup(session, DialInPrompts.NoInput);
    }

    /// <summary>The region the caller is calling from (their number is E.164 already).</summary>
    private static string CallerRegion(DialInSession session) => PhoneNumberNormalizer.Normalize(session.CallerNumber, DialInDefaultRegion).Value!.RegionCode;

    /// <summary>Toll-free minutes are paid from Communications Credits: the balance covers one, or auto-recharge would buy it.</summary>
    private bool TollFreeCanBePaid(Tenant tenant)
    {
        var credits = tenant.Credits;
        return credits.Balance >= Options.TollFreeRatePerMinute || FundingPolicy.CanRecharge(credits.Balance, credits.AutoRecharge, Options.TollFreeRatePerMinute);
    }
}
