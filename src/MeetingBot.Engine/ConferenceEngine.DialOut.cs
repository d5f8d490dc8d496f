using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Phone;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>"Phone audio" / "Call me": joins the user and has the meeting dial their phone.</summary>
    public EngineResult<CallLeg> CallMe(string tenantId, string userId, string meetingId, string number) =>
        DialOut(tenantId, userId, meetingId, number, CallLegKind.CallMe);

    /// <summary>"Add participant" from the roster: dial a number; that person hears audio only.</summary>
    public EngineResult<CallLeg> AddParticipantByPhone(string tenantId, string userId, string meetingId, string number) =>
        DialOut(tenantId, userId, meetingId, number, CallLegKind.AddedParticipant);

    private EngineResult<CallLeg> DialOut(string tenantId, string userId, string meetingId, string number, CallLegKind kind) =>
        InTenant<CallLeg>(tenantId, (tenant, raised) =>
        {
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user.Error!.Value;
            var meeting = FindMeeting(tenant, meetingId);
            if (!meeting.IsSuccess) return meeting.Error!.Value;
            return PlaceDialOut(tenant, user.Value!, meeting.Value!, number, kind, approved: false, raised);
        });

    /// <summary>
    /// Authorizes and places a dial-out from <paramref name="m"/> for <paramref name="caller"/>; one the tenant's guardrails
    /// hold for the organizer's approval is not placed (<see cref="EngineError.AwaitingOrganizerApproval"/>) unless
    /// <paramref name="approved"/>. Audited either way. Caller holds the tenant lock.
    /// </summary>
    private EngineResult<CallLeg> PlaceDialOut(Tenant tenant, User caller, Meeting m, string number, CallLegKind kind, bool approved, List<EngineEvent> raised)
    {
        if (m.IsEnded) return EngineError.MeetingEnded;
        var organizer = tenant.UsersById[m.OrganizerId];

        var result = AuthorizeDialOut(tenant, m, organizer, caller, number, kind);
        if (result.IsSuccess && !approved && ApprovalReasonFor(tenant, organizer, caller, result.Value!) is { } reason)
        {
            HoldForApproval(tenant, m, organizer, caller, result.Value!, kind, reason, raised);
            result = EngineError.AwaitingOrganizerApproval;
        }
        Audit(tenant, caller.Id, kind == CallLegKind.CallMe ? "dialout.callme" : "dialout.add",
            $"meeting {m.Id} {AuditedNumber(result, number, organizer)}", result.Error?.ToString() ?? "ok");
        if (!result.IsSuccess)
        {
            if (result.Error is EngineError.CallingFeatureNotSetUp or EngineError.DestinationNotAllowed)
                raised.Add(new CallingFeatureUnavailable(tenant.Id, Now, caller.Id, m.Id, result.Error.Value, result.Message!));
            return result.Error!.Value;
        }
        var destination = result.Value!;

        Participant participant;
        if (kind == CallLegKind.CallMe)
            participant = JoinClient(m, caller, AudioMode.PhoneAudio, raised);
        else
        {
            participant = m.JoinByPhone(null, PhoneNumberNormalizer.Display(destination.E164), Now, inLobby: false);
            raised.Add(new ParticipantJoined(tenant.Id, Now, m.Id, participant.Id, participant.DisplayName, IsPhoneOnly: true, InLobby: false));
        }

        var leg = CallLeg.Ring(NextLegId(), tenant.Id, m.Id, participant.Id, kind, caller.Id, organizer.Id,
            tenant.Bridge.TollNumber, destination.E164, destination.RegionCode, Now);
        participant.UsePhone(leg.Id);
        tenant.Legs[leg.Id] = leg;
        tenant.LiveLegs.Add(leg);
        _tenantByLeg[leg.Id] = tenant.Id;
        RecordDialOut(tenant, caller.Id);
        JournalLeg(leg);
        raised.Add(StateChanged(leg));
        if (Options.AutoAnswerAfter == TimeSpan.Zero) Connect(tenant, leg, raised);
        else ScheduleLeg(tenant, leg);
        return leg;
    }

    /// <summary>The number as dialed, in E.164 — also when the call was refused for another reason (a pool, a permission) — or why it is not one.</summary>
    private static string AuditedNumber(EngineResult<PhoneNumber> result, string number, User organizer) =>
        result.IsSuccess ? result.Value!.E164
        : PhoneNumberNormalizer.Normalize(number, organizer.Country) is { IsSuccess: true } dialed ? dialed.Value!.E164
        : "(not a valid number)";

    /// <summary>
    /// The checks in Teams' order; the first that fails decides the words the user sees. The dial-out permission is the
    /// organizer's, for "Call me" and for adding people alike: Microsoft Learn, "Outbound calling restriction policies for
    /// Audio Conferencing and user PSTN calls" — the Audio Conferencing control "restricts the type of outbound calls that
    /// are allowed from within meetings organized by a user", and a call is domestic when the number is in the organizer's
    /// country; "Dialing out from a meeting so other people can join" — the organizer must be granted a dial-out policy
    /// that allows it. The dialing user's own setting governs only the meetings they organize.
    /// </summary>
    private EngineResult<PhoneNumber> AuthorizeDialOut(Tenant tenant, Meeting m, User organizer, User caller, string number, CallLegKind kind)
    {
        if (!organizer.Has(Capability.MCOMEETADD)) return EngineError.NoAudioConferencing;
        if (kind == CallLegKind.AddedParticipant && !m.PresentFor(caller.Id).Any(p => p.InClient))
            return EngineError.NotMeetingParticipant;
        if (kind == CallLegKind.CallMe && m.PresentFor(caller.Id).Any(p => p.PhoneLegId is not null))
            return EngineError.PhoneLegAlreadyActive;
        var destination = PhoneNumberNormalizer.Normalize(number, organizer.Country);
        if (!destination.IsSuccess) return destination;
        if (IsRateLimited(tenant, caller.Id)) return EngineError.RateLimited;
        if (PermissionRefusal(organizer, destination.Value!) is { } refused) return refused;
        var funding = Funding(tenant, organizer, destination.Value!.RegionCode, kind, Now);
        if (!funding.IsFunded) return funding.Refusal!.Value;
        // The dialing user's monthly budget (toll-fraud guardrail): the first minute must fit, as every later one must.
        return BudgetAllows(tenant, caller.Id, funding.Source == Billing.FundingSource.Credits ? funding.Charge : 0m, Now) ? destination : EngineError.DialOutBudgetSpent;
    }

    /// <summary>What the organizer's dial-out permission says about <paramref name="destination"/>: null when it allows it.</summary>
    private static EngineError? PermissionRefusal(User organizer, PhoneNumber destination) => organizer.DialOutPermission switch
    {
        DialOutPermission.DontAllow => EngineError.CallingFeatureNotSetUp,
        DialOutPermission.InSameCountryOrRegion when !string.Equals(destination.RegionCode, organizer.Country, StringComparison.OrdinalIgnoreCase)
            => EngineError.DestinationNotAllowed,
        _ => null,
    };

    /// <summary>The user hangs up a phone leg from the client: their own "Call me" leg, or one they added.</summary>
    public EngineResult<CallLeg> HangUp(string tenantId, string userId, string? legId = null) =>
        InTenant<CallLeg>(tenantId, (tenant, raised) =>
        {
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user.Error!.Value;
            CallLeg? leg;
            if (legId is null)
            {
                leg = OwnPhoneLeg(tenant, userId);
                // No phone of their own: the one person they added by phone, if there is exactly one (with more, which
                // one is theirs to say, from the roster).
                if (leg is null && tenant.LiveLegs.Where(l => l.Kind == CallLegKind.AddedParticipant
                        && string.Equals(l.RequestedByUserId, userId, StringComparison.OrdinalIgnoreCase)).Take(2).ToList() is [var only])
                    leg = only;
                if (leg is null) return EngineError.NoPhoneLeg;
            }
            else
            {
                if (!tenant.Legs.TryGetValue(legId, out leg)) return EngineError.UnknownCallLeg;
                if (!MayActOn(tenant, leg, userId)) return EngineError.NotMeetingParticipant;
            }
            if (!leg.IsLive) return EngineError.CallLegEnded;
            var now = Now; // one reading: metering and the end must agree on the instant
            MeterLeg(tenant, leg, now, raised);
            if (leg.IsLive) EndLeg(tenant, leg, now, CallLegState.Ended, raised);
            return leg;
        });

    /// <summary>The user's own live "Call me" phone, the latest if there are several: what "my phone" means in chat.</summary>
    private static CallLeg? OwnPhoneLeg(Tenant tenant, string userId) =>
        tenant.LiveLegs.Where(l => l.Kind == CallLegKind.CallMe && string.Equals(l.RequestedByUserId, userId, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(l => l.CreatedAt).FirstOrDefault();

    /// <summary>
    /// Who may act on a phone leg — hang it up from the client, or play its phone in the simulation: the user who
    /// dialed it (Call me, or added the person), or the meeting's organizer. Anyone else's leg is not theirs to touch.
    /// </summary>
    private static bool MayActOn(Tenant tenant, CallLeg leg, string userId) =>
        string.Equals(leg.RequestedByUserId, userId, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(tenant.Meetings[leg.MeetingId].OrganizerId, userId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The leg <paramref name="userId"/> may act on (see <see cref="MayActOn"/>), or why not.</summary>
    public EngineResult<CallLeg> LegActedOnBy(string tenantId, string userId, string legId) =>
        InTenant<CallLeg>(tenantId, (tenant, _) =>
        {
            if (!tenant.Legs.TryGetValue(legId ?? "", out var leg)) return EngineError.UnknownCallLeg;
            return MayActOn(tenant, leg, userId) ? leg : EngineError.NotMeetingParticipant;
        });

    /// <summary>The simulated phone network: the called phone answers.</summary>
    public EngineResult<CallLeg> AnswerPhone(string legId) =>
        InTenant<CallLeg>(_tenantByLeg.GetValueOrDefault(legId ?? "", ""), (tenant, raised) =>
        {
            if (!tenant.Legs.TryGetValue(legId ?? "", out var leg)) return EngineError.UnknownCallLeg;
            if (leg.State != CallLegState.Ringing) return EngineError.CallLegEnded;
            Connect(tenant, leg, raised);
            return leg;
        });

    /// <summary>The simulated phone network: the person on the phone hangs up.</summary>
    public EngineResult<CallLeg> PhoneHangsUp(string legId) =>
        InTenant<CallLeg>(_tenantByLeg.GetValueOrDefault(legId ?? "", ""), (tenant, raised) =>
        {
            if (!tenant.Legs.TryGetValue(legId ?? "", out var leg)) return EngineError.UnknownCallLeg;
            if (!leg.IsLive) return EngineError.CallLegEnded;
            var now = Now; // one reading: metering and the end must agree on the instant
            MeterLeg(tenant, leg, now, raised);
            if (leg.IsLive) EndLeg(tenant, leg, now, CallLegState.Ended, raised);
            return leg;
        });

    private bool IsRateLimited(Tenant tenant, string userId)
    {
        var windowStart = Now - TimeSpan.FromMinutes(1);
        var mine = tenant.DialOutTimesByUser.GetValueOrDefault(userId);
        while (mine is { Count: > 0 } && mine.Peek() <= windowStart) mine.Dequeue();
        while (tenant.DialOutTimes.Count > 0 && tenant.DialOutTimes.Peek() <= windowStart) tenant.DialOutTimes.Dequeue();
        return (mine?.Count ?? 0) >= Options.MaxDialOutsPerUserPerMinute || tenant.DialOutTimes.Count >= Options.MaxDialOutsPerTenantPerMinute;
    }

    private void RecordDialOut(Tenant tenant, string userId)
    {
        if (!tenant.DialOutTimesByUser.TryGetValue(userId, out var q)) tenant.DialOutTimesByUser[userId] = q = new Queue<DateTimeOffset>();
        q.Enqueue(Now);
        tenant.DialOutTimes.Enqueue(Now);
    }

    private static CallLegStateChanged StateChanged(CallLeg leg) =>
        new(leg.TenantId, leg.EndedAt ?? leg.ConnectedAt ?? leg.CreatedAt, leg.Id, leg.MeetingId, leg.RequestedByUserId, leg.Kind, leg.ToNumber, leg.State, leg.MinutesPaid, leg.IsOrphaned, leg.IsMuted, leg.CutOffReason);
}
