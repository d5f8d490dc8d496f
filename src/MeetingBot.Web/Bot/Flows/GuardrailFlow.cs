using System.Globalization;
using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Tenancy;
using MeetingBot.Web.Bot.Cards;

namespace MeetingBot.Web.Bot.Flows;

/// <summary>
/// Toll-fraud guardrails in chat: admins set the default monthly dial-out budget, users' own budgets and the approval
/// rule; organizers see the calls waiting for them and approve or deny (also from the card the engine's event posts).
/// </summary>
public sealed class GuardrailFlow(ITenants tenants, AdminFlow admin)
{
    public const string NoneWaiting = "No calls are waiting for your approval.";

    /// <summary>The settings and every user's budget (admins).</summary>
    public async Task ShowAsync(BotTurn turn, string? notice = null)
    {
        var budgets = await tenants.Ask(turn.TenantId, new GetBudgets(turn.UserId));
        if (!budgets.IsSuccess)
        {
            await turn.SayAsync(budgets.Message + admin.AdminHintFor(turn));
            return;
        }
        var g = await tenants.Ask(turn.TenantId, new GetGuardrails());
        await turn.SendCardAsync(GuardrailsCard.Build(g, budgets.Value!, Currency(turn), notice));
    }

    /// <summary>
    /// <c>budget adele 60 5.00</c> (minutes, then money; <c>none</c> or a missing money for no limit), <c>budget adele default</c>
    /// (back to the tenant default), <c>budget default 120 10</c> (the tenant default).
    /// </summary>
    public async Task SetBudgetAsync(BotTurn turn, string who, string? minutesText, string? moneyText)
    {
        var backToDefault = string.Equals(minutesText, "default", StringComparison.OrdinalIgnoreCase);
        int? minutes = null;
        decimal? money = null;
        if (!backToDefault && (!TryLimit(minutesText, out minutes) || !TryMoney(moneyText, out money)))
        {
            await turn.SayAsync(EngineMessages.For(EngineError.InvalidBudget) + " E.g. `budget adele 60 5.00`, `budget adele none 5`, `budget adele default`.");
            return;
        }
        if (string.Equals(who, "default", StringComparison.OrdinalIgnoreCase))
        {
            var g = await tenants.Ask(turn.TenantId, new GetGuardrails());
            var set = await tenants.Ask(turn.TenantId, new SetGuardrails(turn.UserId, backToDefault ? null : minutes, backToDefault ? null : money,
                g.ApprovalOutsideZoneA, g.ApprovalAboveRatePerMinute, g.ApprovalExpiryMinutes));
            await ReplyAsync(turn, set.IsSuccess, set.Message, "Default dial-out budget: " + GuardrailWords.Budget(set.Value?.DefaultBudget ?? DialOutBudget.Unlimited, Currency(turn)) + ".");
            return;
        }
        var result = await tenants.Ask(turn.TenantId, new SetUserBudget(turn.UserId, who, backToDefault ? null : minutes, backToDefault ? null : money, backToDefault));
        await ReplyAsync(turn, result.IsSuccess, result.Message, result.Value is { } s ? $"{s.DisplayName}: {GuardrailWords.Use(s, Currency(turn))}." : "");
    }

    /// <summary><c>approval zone a on|off</c>, <c>approval rate 0.10|off</c>, <c>approval expiry 15</c> (admins).</summary>
    public async Task SetRuleAsync(BotTurn turn, string what, string value)
    {
        var g = await tenants.Ask(turn.TenantId, new GetGuardrails());
        var on = value.ToLowerInvariant() is "on" or "yes" or "true";
        var off = value.ToLowerInvariant() is "off" or "no" or "false" or "none";
        TollFraudGuardrails? wanted = what.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "zonea" or "outsidezonea" when on || off => g with { ApprovalOutsideZoneA = on },
            "rate" when off => g with { ApprovalAboveRatePerMinute = null },
            "rate" when decimal.TryParse(value.TrimStart('$'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) => g with { ApprovalAboveRatePerMinute = rate },
            "expiry" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) => g with { ApprovalExpiryMinutes = minutes },
            _ => null,
        };
        if (wanted is null)
        {
            await turn.SayAsync("Say `approval zone a on` (or `off`), `approval rate 0.10` (or `off`) or `approval expiry 15` (minutes).");
            return;
        }
        var set = await tenants.Ask(turn.TenantId, new SetGuardrails(turn.UserId, wanted.DefaultBudget.MinutesPerMonth, wanted.DefaultBudget.MoneyPerMonth,
            wanted.ApprovalOutsideZoneA, wanted.ApprovalAboveRatePerMinute, wanted.ApprovalExpiryMinutes));
        await ReplyAsync(turn, set.IsSuccess, set.Message, "Approval rule: " + string.Join("; ", GuardrailWords.Settings(set.Value ?? g, Currency(turn)).Skip(1).Select(f => $"{f.Title} {f.Value}")) + ".");
    }

    /// <summary>The calls waiting for the user's approval as organizer, one card each; else their own requests' state.</summary>
    public async Task ListAsync(BotTurn turn)
    {
        var list = await tenants.Ask(turn.TenantId, new ListApprovals(turn.UserId));
        if (!list.IsSuccess)
        {
            await turn.SayAsync(list.Message!);
            return;
        }
        var waiting = list.Value!.Where(a => a.IsPending && string.Equals(a.OrganizerId, turn.UserId, StringComparison.OrdinalIgnoreCase)).ToList();
        if (waiting.Count == 0)
        {
            var mine = list.Value!.Where(a => string.Equals(a.RequesterId, turn.UserId, StringComparison.OrdinalIgnoreCase)).Take(3)
                .Select(a => a.IsPending ? $"the call to {CardFormat.Phone(a.Number)} waits for {a.OrganizerName}" : EngineMessages.ApprovalDecided(a, CardFormat.Phone(a.Number)));
            await turn.SayAsync(NoneWaiting + string.Concat(mine.Select(m => " · " + m)));
            return;
        }
        foreach (var a in waiting) await turn.SendCardAsync(ApprovalCard.Build(a), "🛡️ " + GuardrailWords.Request(a));
    }

    /// <summary>The organizer's Approve or Deny (card button, or <c>approve apr-…</c>).</summary>
    public async Task DecideAsync(BotTurn turn, string? approvalId, bool approve)
    {
        if (string.IsNullOrWhiteSpace(approvalId))
        {
            await turn.SayAsync("That button did not say which call it is for. Type `approvals` for fresh cards.");
            return;
        }
        var decided = await tenants.Ask(turn.TenantId, new DecideApproval(turn.UserId, approvalId, approve));
        if (!decided.IsSuccess)
        {
            await turn.SayAsync(decided.Message!);
            return;
        }
        var a = decided.Value!;
        await turn.SayAsync(a.Status switch
        {
            ApprovalStatus.Approved when a.CallRefusal is { } refused => $"✅ Approved, but the call to {CardFormat.Phone(a.Number)} could not be placed: {EngineMessages.For(refused)}",
            ApprovalStatus.Approved => $"✅ Approved: calling {CardFormat.Phone(a.Number)} for {a.RequesterName} in meeting {a.MeetingId}.",
            _ => $"🚫 Denied: {CardFormat.Phone(a.Number)} was not dialed; {a.RequesterName} is told.",
        });
    }

    private async Task ReplyAsync(BotTurn turn, bool ok, string? error, string done)
    {
        if (!ok)
        {
            await turn.SayAsync(error + (error == EngineMessages.For(EngineError.NotTenantAdmin) ? admin.AdminHintFor(turn) : ""));
            return;
        }
        await ShowAsync(turn, done);
    }

    private string Currency(BotTurn turn) => tenants.Catalog.Find(turn.TenantId)?.Currency ?? "";

    /// <summary>Whole minutes 0 and up, or none/no limit.</summary>
    private static bool TryLimit(string? text, out int? minutes)
    {
        minutes = null;
        if (string.IsNullOrEmpty(text) || text.Equals("none", StringComparison.OrdinalIgnoreCase)) return !string.IsNullOrEmpty(text);
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var m)) return false;
        minutes = m;
        return true;
    }

    private static bool TryMoney(string? text, out decimal? money)
    {
        money = null;
        if (string.IsNullOrEmpty(text) || text.Equals("none", StringComparison.OrdinalIgnoreCase)) return true;
        if (!decimal.TryParse(text.TrimStart('$'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m)) return false;
        money = m;
        return true;
    }
}
