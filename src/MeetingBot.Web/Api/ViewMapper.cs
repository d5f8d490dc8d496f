using System.Globalization;
using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Phone;
using MeetingBot.Engine.Reports;
using MeetingBot.Engine.Snapshots;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Bot.Cards;

namespace MeetingBot.Web.Api;

/// <summary>Engine objects to the shapes the API and the hub send. Enum values travel as their names.</summary>
public static class ViewMapper
{
    public static ParticipantView ToView(this ParticipantSnapshot p) =>
        new(p.Id, p.UserId, p.DisplayName, p.IsPhoneOnly, p.InClient, p.InLobby, p.AudioMode.ToString(), p.PhoneLegId, p.JoinedAt, p.LeftAt);

    public static CallLegView ToView(this CallLegSnapshot l) =>
        new(l.Id, l.MeetingId, l.Kind.ToString(), l.State.ToString(), l.RequestedByUserId, l.FromNumber, l.ToNumber,
            PhoneNumberNormalizer.Display(l.ToNumber), l.CreatedAt, l.ConnectedAt, l.EndedAt, l.MinutesPaid, l.ChargeSoFar,
            l.CurrentFunding?.ToString(), l.IsOrphaned, (l.Prompts ?? []).Select(p => new LegPromptView(p.At, p.Text)).ToList(), l.IsMuted,
            l.StayAskedAt is not null);

    public static MeetingSummaryView ToSummary(this MeetingSnapshot m, string userId) =>
        new(m.Id, m.Subject, m.OrganizerId, m.Start, m.End, IsOrganizer(m, userId), m.IsEnded, m.JoinUrl);

    /// <summary>Phone legs (numbers people were dialed at) are shown only to people in the meeting.</summary>
    public static MeetingView ToView(this MeetingDetails details, string userId)
    {
        var m = details.Meeting;
        var legs = IsMember(m, userId) ? details.Legs.Select(ToView).ToList() : [];
        return new MeetingView(m.Id, m.Subject, m.OrganizerId, details.OrganizerName, m.Start, m.End, IsOrganizer(m, userId), m.IsEnded, m.EndedAt,
            m.Invite, m.Lobby.Bypass.ToString(), m.Lobby.DialInCallersBypass, m.Participants.Select(ToView).ToList(), legs);
    }

    public static bool IsOrganizer(MeetingSnapshot m, string userId) => string.Equals(m.OrganizerId, userId, StringComparison.OrdinalIgnoreCase);

    public static bool IsMember(MeetingSnapshot m, string userId) => IsOrganizer(m, userId) || m.HasParticipant(userId);

    /// <summary>A cost preview in the words the bot's confirm card uses (<see cref="Bot.Cards.CostWords"/>).</summary>
    public static PhonePreviewView ToView(this CostPreview c, string viewerUserId) =>
        new(c.Number.E164, PhoneNumberNormalizer.Display(c.Number.E164), c.Number.RegionCode, c.CountryName, c.IsZoneA,
            c.Payer.ToString(), Bot.Cards.CostWords.Payer(c), c.RatePerMinute, Bot.Cards.CardFormat.Price(c.RatePerMinute, c.Currency), c.Currency,
            c.PoolMinutesLeft, c.RechargeFirst,
            new DialOutPolicyView(c.Policy.UserId, c.Policy.DisplayName, c.Policy.Permission.ToString(), c.Policy.Allows, Bot.Cards.CostWords.Policy(c, viewerUserId)),
            c.WouldDial, c.Refusal?.ToString(), c.RefusalMessage, c.NeedsApproval?.ToString(), Bot.Cards.CostWords.Approval(c));

    public static AdminUserView ToAdminView(this UserSnapshot u) =>
        new(u.Id, u.DisplayName, u.Upn, u.Country, u.IsTenantAdmin, u.Licenses.Select(s => s.ToString()).ToList(),
            u.DialOutPermission.ToString(), CapabilityNames(u.Capabilities), u.AadObjectId,
            (u.LicenseHistory ?? []).OrderBy(s => s.From)
                .Select(s => new LicenseHistoryView(s.Sku.ToString(), s.From == DateTimeOffset.MinValue ? null : s.From, s.To)).ToList());

    public static IReadOnlyList<string> CapabilityNames(Capability caps) =>
        Enum.GetValues<Capability>().Where(c => c != Capability.None && caps.HasFlag(c)).Select(c => c.ToString()).ToList();

    public static AutoRechargeView ToView(this AutoRechargeSettings s) => new(s.Enabled, s.Threshold, s.Amount);

    public static CreditsView ToCreditsView(this TenantSnapshot t) =>
        new(t.CreditBalance, t.Currency, t.AutoRecharge.ToView(),
            t.Purchases.Select(p => new CreditPurchaseView(p.Amount, p.Remaining, p.Forfeited, p.PurchasedAt, p.ExpiresAt, p.IsAutoRecharge)).ToList(),
            t.Ledger.Select(x => new CreditTransactionView(x.At, x.Kind.ToString(), x.Amount, x.BalanceAfter, x.Description)).ToList());

    public static ForecastView ToView(this MoneyForecast f) =>
        new(f.At, f.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), f.Currency, f.CreditBalance,
            f.Expiring.Select(w => new ExpiryWindowView(w.Days, w.AmountLeft, ForecastWords.Window(w, f.Currency),
                w.Purchases.Select(p => new ExpiringPurchaseView(p.Id, p.PurchasedAt, p.ExpiresAt, p.Amount, p.Remaining, p.IsAutoRecharge)).ToList())).ToList(),
            new CreditForecastView(f.CreditsSpentThisMonth, f.CreditBurnPerDay, f.CreditOutlook.ToString(),
                f.CreditsRunOutOn is { } outOn ? ForecastWords.Day(outOn) : null, f.AutoRechargeIgnored, ForecastWords.Credits(f)),
            new PoolForecastView(f.PoolMinutes, f.PoolMinutesUsed, f.PoolMinutesLeft, f.PoolBurnPerDay, f.PoolOutlook.ToString(),
                f.PoolRunsDryOn is { } dry ? ForecastWords.Day(dry) : null, ForecastWords.Day(f.MonthEnd), f.PoolMinutesByDay.ToList(), ForecastWords.Pool(f)));

    public static MinutePoolRowView ToView(this MinutePoolRow r) =>
        new(r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Capability.ToString(), r.Description, r.MinutesAvailable, r.MinutesUsed, r.MinutesLeft);

    public static DialInSessionView ToView(this DialInSnapshot s, EngineError? error = null) =>
        new(s.Id, s.Stage.ToString(), s.Prompt, s.MeetingId, s.LegId, error?.ToString(), error is { } e ? EngineMessages.For(e) : null);

    /// <summary>A held dial-out, in the words the bot's approval card uses (<see cref="GuardrailWords"/>).</summary>
    public static ApprovalView ToView(this DialOutApproval a) =>
        new(a.Id, a.MeetingId, a.RequesterId, a.RequesterName, a.OrganizerId, a.OrganizerName, a.Kind.ToString(), a.Number, PhoneNumberNormalizer.Display(a.Number),
            a.RegionCode, a.RatePerMinute, a.Currency, a.Reason.ToString(), GuardrailWords.Reason(a), a.RequestedAt, a.ExpiresAt, a.Status.ToString(),
            a.DecidedAt, a.DecidedBy, a.LegId, a.CallRefusal?.ToString(), a.CallRefusal is { } e ? EngineMessages.For(e) : null,
            a.IsPending ? null : EngineMessages.ApprovalDecided(a, PhoneNumberNormalizer.Display(a.Number)));

    public static UserBudgetView ToView(this UserBudgetStatus s) =>
        new(s.UserId, s.DisplayName, s.Budget.MinutesPerMonth, s.Budget.MoneyPerMonth, s.IsOverride, s.MinutesUsed, s.MoneySpent, s.MinutesLeft, s.MoneyLeft, s.IsSpent);
}
