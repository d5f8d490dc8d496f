using System.Globalization;
using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Phone;
using MeetingBot.Engine.Reports;
using MeetingBot.Engine.Tenancy;
using MeetingBot.Web.Api.Contracts;

namespace MeetingBot.Web.Api;

/// <summary>Engine objects to the shapes the API and the hub send. Enum values travel as their names.</summary>
public static class ViewMapper
{
    public static ParticipantView ToView(this Participant p) =>
        new(p.Id, p.UserId, p.DisplayName, p.IsPhoneOnly, p.InClient, p.InLobby, p.AudioMode.ToString(), p.PhoneLegId, p.JoinedAt, p.LeftAt);

    public static CallLegView ToView(this CallLeg l) =>
        new(l.Id, l.MeetingId, l.Kind.ToString(), l.State.ToString(), l.RequestedByUserId, l.FromNumber, l.ToNumber,
            PhoneNumberNormalizer.Display(l.ToNumber), l.CreatedAt, l.ConnectedAt, l.EndedAt, l.MinutesPaid, l.ChargeSoFar,
            l.CurrentFunding?.ToString(), l.IsOrphaned);

    public static MeetingSummaryView ToSummary(this Meeting m, string userId) =>
        new(m.Id, m.Subject, m.OrganizerId, m.Start, m.End, IsOrganizer(m, userId), m.IsEnded, m.JoinUrl);

    /// <summary>Phone legs (numbers people were dialed at) are shown only to people in the meeting.</summary>
    public static MeetingView ToView(this Meeting m, ConferenceEngine engine, string userId)
    {
        var organizerName = engine.GetUser(m.TenantId, m.OrganizerId).Value?.DisplayName ?? m.OrganizerId;
        var legs = IsMember(m, userId) ? engine.ListLegs(m.TenantId, m.Id).Select(ToView).ToList() : [];
        return new MeetingView(m.Id, m.Subject, m.OrganizerId, organizerName, m.Start, m.End, IsOrganizer(m, userId), m.IsEnded, m.EndedAt,
            m.Invite, m.Lobby.Bypass.ToString(), m.Lobby.DialInCallersBypass, m.Participants.ToArray().Select(ToView).ToList(), legs);
    }

    public static bool IsOrganizer(Meeting m, string userId) => string.Equals(m.OrganizerId, userId, StringComparison.OrdinalIgnoreCase);

    public static bool IsMember(Meeting m, string userId) =>
        IsOrganizer(m, userId) || m.Participants.ToArray().Any(p => string.Equals(p.UserId, userId, StringComparison.OrdinalIgnoreCase));

    public static PhonePreviewView ToView(this PhoneNumber n) => new(n.E164, PhoneNumberNormalizer.Display(n.E164), n.RegionCode);

    public static AdminUserView ToAdminView(this User u) =>
        new(u.Id, u.DisplayName, u.Upn, u.Country, u.IsTenantAdmin, u.Licenses.Order().Select(s => s.ToString()).ToList(),
            u.DialOutPermission.ToString(), CapabilityNames(u.Capabilities));

    public static IReadOnlyList<string> CapabilityNames(Capability caps) =>
        Enum.GetValues<Capability>().Where(c => c != Capability.None && caps.HasFlag(c)).Select(c => c.ToString()).ToList();

    public static AutoRechargeView ToView(this AutoRechargeSettings s) => new(s.Enabled, s.Threshold, s.Amount);

    public static CreditsView ToView(this CreditAccount a, decimal balance, string currency) =>
        new(balance, currency, a.AutoRecharge.ToView(),
            a.Purchases.ToArray().Select(p => new CreditPurchaseView(p.Amount, p.Remaining, p.Forfeited, p.PurchasedAt, p.ExpiresAt, p.IsAutoRecharge)).ToList(),
            a.Ledger.ToArray().Select(t => new CreditTransactionView(t.At, t.Kind.ToString(), t.Amount, t.BalanceAfter, t.Description)).ToList());

    public static MinutePoolRowView ToView(this MinutePoolRow r) =>
        new(r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Capability.ToString(), r.Description, r.MinutesAvailable, r.MinutesUsed, r.MinutesLeft);

    public static DialInSessionView ToView(this DialInSession s, EngineError? error = null) =>
        new(s.Id, s.Stage.ToString(), s.Prompt, s.MeetingId, s.LegId, error?.ToString(), error is { } e ? EngineMessages.For(e) : null);
}
