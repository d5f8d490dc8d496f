using System.Security.Cryptography;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    private const int MaxSubjectLength = 200;

    /// <summary>
    /// Schedules a meeting. The invite is fixed when sent: with Audio Conferencing it carries the toll number,
    /// a conference ID unique among the tenant's live meetings, and the PIN and options links; without it,
    /// the join link only.
    /// </summary>
    /// <summary>How far from now a meeting may start, either way (a typo'd year is refused, not stored).</summary>
    public static readonly TimeSpan MaxScheduleDistance = TimeSpan.FromDays(5 * 366);

    public EngineResult<Meeting> ScheduleMeeting(string tenantId, string organizerId, string subject, DateTimeOffset start, DateTimeOffset end) =>
        InTenant<Meeting>(tenantId, (tenant, _) =>
        {
            var organizer = FindUser(tenant, organizerId);
            if (!organizer.IsSuccess) return organizer.Error!.Value;
            subject = subject?.Trim() ?? "";
            if (subject.Length is 0 or > MaxSubjectLength || subject.Any(char.IsControl)) return EngineError.InvalidSubject;
            if (end <= start || end - start > TimeSpan.FromHours(24)) return EngineError.InvalidSchedule;
            if (start < Now - MaxScheduleDistance || start > Now + MaxScheduleDistance) return EngineError.InvalidSchedule;

            var id = NextMeetingId();
            var meeting = new Meeting(id, tenant.Id, organizer.Value!.Id, subject, start, end, $"{BaseUrl}/meet/{id}");
            meeting.SendInvite(BuildInvite(tenant, meeting, organizer.Value));
            JournalMeeting(meeting); // stored first: a store that refuses leaves no meeting behind
            tenant.Meetings[id] = meeting;
            _tenantByMeeting[id] = tenant.Id;
            return meeting;
        });

    /// <summary>
    /// Re-sends the invite with the organizer's current licenses, as Teams does when a meeting is updated:
    /// a license assigned after scheduling adds dial-in details only to invites sent after it.
    /// </summary>
    public EngineResult<Meeting> RefreshInvite(string tenantId, string userId, string meetingId) =>
        InTenant<Meeting>(tenantId, (tenant, _) =>
        {
            var meeting = FindMeeting(tenant, meetingId);
            if (!meeting.IsSuccess) return meeting;
            var m = meeting.Value!;
            if (!string.Equals(m.OrganizerId, userId, StringComparison.OrdinalIgnoreCase)) return EngineError.NotMeetingOrganizer;
            if (m.IsEnded) return EngineError.MeetingEnded;
            m.SendInvite(BuildInvite(tenant, m, tenant.UsersById[m.OrganizerId]));
            JournalMeeting(m);
            return m;
        });

    public EngineResult<Meeting> GetMeeting(string tenantId, string meetingId) =>
        InTenant<Meeting>(tenantId, (tenant, _) => FindMeeting(tenant, meetingId));

    /// <summary>The tenant a meeting belongs to, for callers that only hold a meeting id (join links).</summary>
    public string? TenantOfMeeting(string meetingId) => _tenantByMeeting.GetValueOrDefault(meetingId ?? "");

    public IReadOnlyList<Meeting> ListMeetings(string tenantId, string userId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant)) return [];
        lock (tenant.Sync)
            return tenant.Meetings.Values
                .Where(m => string.Equals(m.OrganizerId, userId, StringComparison.OrdinalIgnoreCase) ||
                            m.HasParticipant(userId))
                .OrderBy(m => m.Start).ToList();
    }

    public IReadOnlyList<CallLeg> ListLegs(string tenantId, string meetingId)
    {
        if (!_tenants.TryGetValue(tenantId, out var tenant)) return [];
        lock (tenant.Sync) return tenant.Legs.Values.Where(l => l.MeetingId == meetingId).OrderBy(l => l.CreatedAt).ToList();
    }

    public EngineResult<CallLeg> GetLeg(string tenantId, string legId) =>
        InTenant<CallLeg>(tenantId, (tenant, _) => tenant.Legs.TryGetValue(legId ?? "", out var l) ? l : EngineError.UnknownCallLeg);

    /// <summary>Joins in the client with computer audio or no audio. Phone audio is <see cref="CallMe"/>.</summary>
    public EngineResult<Participant> JoinMeeting(string tenantId, string userId, string meetingId, AudioMode audio) =>
        InTenant<Participant>(tenantId, (tenant, raised) =>
        {
            var user = FindUser(tenant, userId);
            if (!user.IsSuccess) return user.Error!.Value;
            var meeting = FindMeeting(tenant, meetingId);
            if (!meeting.IsSuccess) return meeting.Error!.Value;
            if (meeting.Value!.IsEnded) return EngineError.MeetingEnded;
            var p = JoinClient(meeting.Value, user.Value!, audio, raised);
            return p;
        });

    /// <summary>Leaves in the client. A phone leg stays connected (as in Teams): the user is reminded to hang up.</summary>
    public EngineResult<IReadOnlyList<CallLeg>> LeaveMeeting(string tenantId, string userId, string meetingId) =>
        InTenant<IReadOnlyList<CallLeg>>(tenantId, (tenant, raised) =>
        {
            var meeting = FindMeeting(tenant, meetingId);
            if (!meeting.IsSuccess) return meeting.Error!.Value;
            var m = meeting.Value!;
            var p = m.PresentFor(userId).FirstOrDefault(x => x.InClient);
            if (p is null) return EngineError.NotMeetingParticipant;
            p.LeaveClient();
            var stillUp = OrphanPhoneLegs(tenant, m, userId, raised);
            TellAboutAddedPhones(tenant, m, userId, raised);
            if (stillUp.Count == 0)
            {
                p.Leave(Now);
                raised.Add(new ParticipantLeft(tenant.Id, Now, m.Id, p.Id, p.DisplayName));
            }
            return EngineResult<IReadOnlyList<CallLeg>>.Ok(stillUp);
        });

    /// <summary>
    /// Ends the meeting for everyone in the client. "Call me" phone legs are not disconnected (the Teams gotcha):
    /// their users are reminded to hang up. Legs added by phone from the roster end with the meeting.
    /// </summary>
    public EngineResult<Meeting> EndMeeting(string tenantId, string userId, string meetingId) =>
        InTenant<Meeting>(tenantId, (tenant, raised) =>
        {
            var meeting = FindMeeting(tenant, meetingId);
            if (!meeting.IsSuccess) return meeting;
            var m = meeting.Value!;
            if (!string.Equals(m.OrganizerId, userId, StringComparison.OrdinalIgnoreCase)) return EngineError.NotMeetingOrganizer;
            if (m.IsEnded) return EngineError.MeetingEnded;
            m.EndForEveryone(Now);
            foreach (var leg in tenant.Legs.Values.Where(l => l.MeetingId == m.Id && l.IsLive && l.Kind != CallLegKind.CallMe).ToList())
                EndLeg(tenant, leg, Now, CallLegState.Ended, raised);
            var orphaned = 0;
            foreach (var p in m.Participants.Where(p => p.LeftAt is null))
            {
                p.LeaveClient();
                if (p.UserId is not null && OrphanPhoneLegs(tenant, m, p.UserId, raised).Count > 0) { orphaned++; continue; }
                if (p.PhoneLegId is not null && tenant.Legs.TryGetValue(p.PhoneLegId, out var l) && l.IsLive) { orphaned++; continue; }
                p.Leave(Now);
            }
            raised.Add(new MeetingEnded(tenant.Id, Now, m.Id, userId, orphaned));
            JournalMeeting(m);
            return m;
        });

    public EngineResult<Meeting> SetLobby(string tenantId, string userId, string meetingId, LobbySettings lobby) =>
        InTenant<Meeting>(tenantId, (tenant, _) =>
        {
            var meeting = FindMeeting(tenant, meetingId);
            if (!meeting.IsSuccess) return meeting;
            if (!string.Equals(meeting.Value!.OrganizerId, userId, StringComparison.OrdinalIgnoreCase)) return EngineError.NotMeetingOrganizer;
            if (meeting.Value.IsEnded) return EngineError.MeetingEnded;
            meeting.Value.ChangeLobby(lobby);
            JournalMeeting(meeting.Value);
            return meeting;
        });

    /// <summary>The organizer admits someone waiting in the lobby.</summary>
    public EngineResult<Participant> Admit(string tenantId, string organizerId, string meetingId, string participantId) =>
        InTenant<Participant>(tenantId, (tenant, raised) =>
        {
            var meeting = FindMeeting(tenant, meetingId);
            if (!meeting.IsSuccess) return meeting.Error!.Value;
            var m = meeting.Value!;
            if (!string.Equals(m.OrganizerId, organizerId, StringComparison.OrdinalIgnoreCase)) return EngineError.NotMeetingOrganizer;
            if (m.IsEnded) return EngineError.MeetingEnded;
            var p = m.Admit(participantId);
            if (p is null) return EngineError.NotMeetingParticipant;
            if (p.PhoneLegId is { } legId && DialInOfLeg(legId) is { } session)
                session.Admitted();
            raised.Add(new ParticipantJoined(tenant.Id, Now, m.Id, p.Id, p.DisplayName, p.IsPhoneOnly, InLobby: false));
            return p;
        });

    private string BaseUrl => Options.PublicBaseUrl.TrimEnd('/');

    private MeetingInvite BuildInvite(Tenant tenant, Meeting meeting, User organizer)
    {
        if (!organizer.Has(Capability.MCOMEETADD))
        {
            meeting.WithdrawConferenceId();
            return new MeetingInvite(meeting.Id, meeting.Subject, organizer.DisplayName, meeting.Start, meeting.End, meeting.JoinUrl, null, null);
        }
        var conferenceId = meeting.EnsureConferenceId(() => NewConferenceId(tenant));
        // Offered only when a toll-free call could be paid now: the bridge would refuse it otherwise.
        var tollFree = tenant.Bridge.TollFreeNumber is not null && organizer.Has(Capability.MCOPSTNPP) && TollFreeCanBePaid(tenant) ? tenant.Bridge.TollFreeNumber : null;
        var dialIn = new DialInDetails(tenant.Bridge.TollNumber, tollFree, conferenceId,
            $"{BaseUrl}/dialin/{Uri.EscapeDataString(tenant.Id)}", $"{BaseUrl}/pin/{Uri.EscapeDataString(organizer.Id)}");
        return new MeetingInvite(meeting.Id, meeting.Subject, organizer.DisplayName, meeting.Start, meeting.End, meeting.JoinUrl,
            dialIn, $"{BaseUrl}/meetings/{meeting.Id}/options");
    }

    /// <summary>Random digits, unique among the tenant's meetings that have not ended. Caller holds the tenant lock.</summary>
    private string NewConferenceId(Tenant tenant)
    {
        var digits = Options.ConferenceIdDigits;
        while (true)
        {
            var id = string.Concat(Enumerable.Range(0, digits).Select(i => (char)('0' + RandomNumberGenerator.GetInt32(i == 0 ? 1 : 0, 10))));
            if (!tenant.Meetings.Values.Any(m => !m.IsEnded && m.ConferenceId == id)) return id;
        }
    }

    private static EngineResult<Meeting> FindMeeting(Tenant tenant, string? meetingId) =>
        meetingId is not null && tenant.Meetings.TryGetValue(meetingId, out var m) ? EngineResult<Meeting>.Ok(m) : EngineError.UnknownMeeting;

    private Participant JoinClient(Meeting m, User user, AudioMode audio, List<EngineEvent> raised)
    {
        var (p, isNew) = m.JoinInClient(user.Id, user.DisplayName, audio, Now);
        if (isNew) raised.Add(new ParticipantJoined(m.TenantId, Now, m.Id, p.Id, p.DisplayName, IsPhoneOnly: false, p.InLobby));
        return p;
    }

    private List<CallLeg> OrphanPhoneLegs(Tenant tenant, Meeting m, string userId, List<EngineEvent> raised)
    {
        var legs = tenant.Legs.Values
            .Where(l => l.MeetingId == m.Id && l.IsLive && l.Kind == CallLegKind.CallMe && string.Equals(l.RequestedByUserId, userId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var leg in legs)
        {
            leg.Orphan(Now);
            raised.Add(Reminder(tenant, leg));
            AskToStayIfPolicy(tenant, leg);
            ScheduleLeg(tenant, leg);
        }
        return legs;
    }

    /// <summary>People the leaving user added by phone stay in the meeting, and their calls go on costing: say so once.</summary>
    private void TellAboutAddedPhones(Tenant tenant, Meeting m, string userId, List<EngineEvent> raised)
    {
        foreach (var leg in tenant.LiveLegs.Where(l => l.MeetingId == m.Id && l.Kind == CallLegKind.AddedParticipant
                                                     && string.Equals(l.RequestedByUserId, userId, StringComparison.OrdinalIgnoreCase)))
        {
            decimal? rate = leg.CurrentFunding == Capability.MCOPSTNPP ? RateFor(tenant, leg.DestinationRegion, leg.Kind) : null;
            raised.Add(new AddedPhoneStillConnected(tenant.Id, Now, userId, m.Id, leg.Id, leg.ToNumber, rate, tenant.Currency));
        }
    }

    private HangUpReminder Reminder(Tenant tenant, CallLeg leg) =>
        new(tenant.Id, Now, leg.RequestedByUserId!, leg.MeetingId, leg.Id, leg.ToNumber,
            leg.ConnectedAt is { } c ? Now - c : TimeSpan.Zero, EngineMessages.HangUpBothEnds);
}
