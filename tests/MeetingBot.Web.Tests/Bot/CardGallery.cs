using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Reports;
using MeetingBot.Web.Bot.Cards;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>Every card the bot can build, filled from a real engine scenario, for structural validation.</summary>
public static class CardGallery
{
    public static IReadOnlyList<(string Name, JObject Card)> All()
    {
        var h = BotHarness.Create();
        var e = h.Engine;
        const string t = BotHarness.TenantId;
        var withAc = e.ScheduleMeeting(t, "lee", "Lee's sync", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        var withoutAc = e.ScheduleMeeting(t, "megan", "Megan's review", BotHarness.Start, BotHarness.Start.AddMinutes(30)).Unwrap();
        e.JoinMeeting(t, "lee", withAc.Id, AudioMode.ComputerAudio).Unwrap();
        var tenant0 = e.GetTenant(t).Unwrap();
        var callMe = e.CallMe(t, "adele", withAc.Id, "4055550100").Unwrap();
        e.AddParticipantByPhone(t, "lee", withAc.Id, "+44 20 7946 0000").Unwrap();
        e.AddFunds(t, "nestor", 25m).Unwrap();
        h.Advance(TimeSpan.FromMinutes(5));
        e.HangUp(t, "adele", callMe.Id).Unwrap();
        var waiting = e.StartDialIn(tenant0.Bridge.TollNumber, "+14055550123").Unwrap();
        e.EnterDialInDigits(waiting.Id, withAc.ConferenceId + "#").Unwrap();
        e.EnterDialInDigits(waiting.Id, "#").Unwrap();
        var usage = e.GetUsageReport(t, "nestor", BotHarness.Start.AddDays(-1), BotHarness.Start.AddDays(1)).Unwrap();
        var pools = e.GetMinutePoolsReport(t, "nestor", 2).Unwrap();
        var tenant = e.GetTenant(t).Unwrap();
        var offset = TimeSpan.FromHours(-5);

        List<(string Name, JObject Card)> cards =
        [
            ("welcome", WelcomeCard.Build(UserSnapshot.Of(e.GetUser(t, "adele").Unwrap()), tenant.Name)),
            ("help", HelpCard.Build()),
            ("help-unknown", HelpCard.Build("make me a sandwich")),
            ("invite-with-dial-in", InviteCard.Build(withAc.Invite, offset)),
            ("invite-without-dial-in", InviteCard.Build(withoutAc.Invite, TimeSpan.Zero)),
            ("prejoin-with-phone", PreJoinCard.Build(MeetingSnapshot.Of(withAc), organizerHasAudioConferencing: true, "405 555 0100")),
            ("prejoin-without-phone", PreJoinCard.Build(MeetingSnapshot.Of(withoutAc), organizerHasAudioConferencing: false)),
            ("confirm-number", ConfirmNumberCard.Build(withAc.Id, withAc.Subject, "4055550100", e.PreviewCost(t, "adele", withAc.Id, "4055550100", CallLegKind.CallMe).Unwrap(), "adele")),
            ("confirm-add-refused", ConfirmNumberCard.Build(withoutAc.Id, withoutAc.Subject, "+20 2 27921234", e.PreviewCost(t, "megan", withoutAc.Id, "+20 2 27921234", CallLegKind.AddedParticipant).Unwrap(), "megan")),
            ("cut-off-warning-admin", CutOffWarningCard.Build(new MeetingBot.Engine.Events.CutOffWarning(t, BotHarness.Start, withAc.Id, "leg-1", "+14055550100", "adele", "lee", 5, 5, EngineMessages.CutOffWarning(5)), isAdmin: true, "USD")),
            ("cut-off-warning", CutOffWarningCard.Build(new MeetingBot.Engine.Events.CutOffWarning(t, BotHarness.Start, withAc.Id, "leg-1", "+14055550100", "adele", "lee", 1, 1, EngineMessages.CutOffWarning(1)), isAdmin: false, "USD")),
            ("roster-organizer", RosterCard.Build(MeetingSnapshot.Of(withAc), Legs(e, withAc.Id), "lee")),
            ("roster-guest", RosterCard.Build(MeetingSnapshot.Of(withAc), Legs(e, withAc.Id), "adele")),
            ("hang-up-reminder", HangUpReminderCard.Build(withAc.Id, "leg-1", "+14055550100", TimeSpan.FromMinutes(12))),
            ("added-phone-still-connected", HangUpReminderCard.BuildForAdded(withAc.Id, "leg-2", "+442079460000",
                CardFormat.AddedPhoneStillConnected("+442079460000", withAc.Id, 0.03m, "USD"))),
            ("meetings", MeetingsCard.Build("Lee Gu", e.ListMeetings(t, "lee").Select(MeetingSnapshot.Of).ToList(), offset)),
            ("meetings-empty", MeetingsCard.Build("Alex Wilber", [], offset)),
            ("dial-in", DialInCard.Build(tenant.Bridge.TollNumber, "+14055550123",
                [(DialInCard.Speaker.Caller, "Calling"), (DialInCard.Speaker.Bridge, DialInPrompts.EnterConferenceId), (DialInCard.Speaker.Keypad, "123456789#")], "Joined.")),
            ("lobby-waiting", LobbyCard.Build(MeetingSnapshot.Of(withAc))),
            ("lobby-empty", LobbyCard.Build(MeetingSnapshot.Of(withoutAc))),
            ("audit", AuditCard.Build(e.GetAuditLog(t, "nestor").Unwrap())),
            ("audit-empty", AuditCard.Build([])),
            ("admin", AdminCard.Build(e.ListUsers(t).Select(UserSnapshot.Of).ToList(), e.GetSubscriptions(t).Unwrap(), e.GetCreditBalance(t).Unwrap(), tenant.Currency, tenant.Credits.AutoRecharge)),
            ("pools", PoolsReportCard.Build(pools)),
            ("usage", UsageReportCard.Build(usage, BotHarness.Start.AddDays(-1), BotHarness.Start.AddDays(1))),
            ("usage-empty", UsageReportCard.Build(Array.Empty<UsageRecord>(), BotHarness.Start.AddDays(-1), BotHarness.Start)),
            ("credits", CreditsCard.Build(e.GetCreditBalance(t).Unwrap(), tenant.Currency, TenantSnapshot.Of(tenant).Purchases, tenant.Credits.AutoRecharge, h.Clock.GetUtcNow())),
            ("credits-empty", CreditsCard.Build(0m, "USD", [], AutoRechargeSettings.Off, BotHarness.Start)),
            ("credits-forecast", CreditsCard.Build(e.GetCreditBalance(t).Unwrap(), tenant.Currency, TenantSnapshot.Of(tenant).Purchases, tenant.Credits.AutoRecharge, h.Clock.GetUtcNow(), e.GetMoneyForecast(t, "nestor").Unwrap())),
        ];

        // Toll-fraud guardrails: the rule on, a budget, and a call abroad held for Lee (after the cards above, which it would change).
        e.SetGuardrails(t, "nestor", 600, 50m, true, 0.10m, 10).Unwrap();
        e.SetUserBudget(t, "nestor", "adele", 60, 5m).Unwrap();
        cards.Add(("confirm-needs-approval", ConfirmNumberCard.Build(withAc.Id, withAc.Subject, "+20 2 27921234", e.PreviewCost(t, "adele", withAc.Id, "+20 2 27921234", CallLegKind.CallMe).Unwrap(), "adele")));
        e.CallMe(t, "adele", withAc.Id, "+20 2 27921234");
        var approval = e.ListApprovals(t, "lee").Unwrap().Single();
        cards.Add(("approval", ApprovalCard.Build(approval)));
        cards.Add(("approval-decided", ApprovalCard.Build(e.DenyDialOut(t, "lee", approval.Id).Unwrap())));
        cards.Add(("guardrails", GuardrailsCard.Build(e.GetGuardrails(t), e.GetBudgets(t, "nestor").Unwrap(), tenant.Currency, "Default dial-out budget: 600 min.")));
        return cards;
    }

    private static List<CallLegSnapshot> Legs(ConferenceEngine e, string meetingId) =>
        e.ListLegs(BotHarness.TenantId, meetingId).Select(CallLegSnapshot.Of).ToList();
}
