using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using System.Globalization;
using MeetingBot.Engine;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tenancy;
using MeetingBot.Web.Bot.Cards;
using MeetingBot.Web.Engine;

namespace MeetingBot.Web.Bot.Flows;

/// <summary>What the Teams admin center and the billing page do: licenses, permissions, credits, reports.</summary>
public sealed class AdminFlow(ITenants tenants, TimeProvider time, ChatIdentityResolver identities, string publicBaseUrl, DemoTime? demoTime = null)
{
    public const int MaxFastForwardMinutes = 44_640;
    public const string TryAsAdmin = "Type `act as nestor` to act as the tenant admin.";

    /// <summary>The way to the admin's side in the local demo; a real chat's user is who their sign-in says, so nothing there.</summary>
    private string AdminHint(BotTurn turn) => identities.IsLocalDemo(turn.Context.Activity) ? " " + TryAsAdmin : "";

    /// <summary>The same hint, for the other admin flows.</summary>
    public string AdminHintFor(BotTurn turn) => AdminHint(turn);

    public async Task ShowAsync(BotTurn turn, string? notice = null)
    {
        if (!await IsAdminAsync(turn))
        {
            await turn.SayAsync($"{EngineMessages.For(EngineError.NotTenantAdmin)}{AdminHint(turn)}");
            return;
        }
        var tenant = (await tenants.Ask(turn.TenantId, new GetTenant())).Value!;
        var seats = (await tenants.Ask(turn.TenantId, new GetSubscriptions())).Value ?? [];
        await turn.SendCardAsync(AdminCard.Build(await tenants.Ask(turn.TenantId, new ListUsers()), seats, tenant.CreditBalance, tenant.Currency, tenant.AutoRecharge), notice);
    }

    public async Task AssignAsync(BotTurn turn, string? userId, string? skuText, bool assign)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(skuText) || !SkuCatalog.TryParse(skuText, out var sku))
        {
            await turn.SayAsync("Pick a user and a license on the admin card.");
            return;
        }
        var result = assign
            ? (await tenants.Ask(turn.TenantId, new AssignLicense(turn.UserId, userId, sku)))
            : (await tenants.Ask(turn.TenantId, new UnassignLicense(turn.UserId, userId, sku)));
        await ReplyAsync(turn, result.IsSuccess, result.Message,
            $"{(assign ? "Assigned" : "Unassigned")} {SkuCatalog.Get(sku).DisplayName} {(assign ? "to" : "from")} {result.Value?.DisplayName}.");
    }

    public async Task SetPermissionAsync(BotTurn turn, string? userId, string? permissionText)
    {
        if (string.IsNullOrWhiteSpace(userId) || !Enum.TryParse<DialOutPermission>(permissionText, true, out var permission) || !Enum.IsDefined(permission))
        {
            await turn.SayAsync("Pick a user and a dial-out permission on the admin card.");
            return;
        }
        var result = (await tenants.Ask(turn.TenantId, new SetDialOutPermission(turn.UserId, userId, permission)));
        await ReplyAsync(turn, result.IsSuccess, result.Message,
            $"Dial-out from meetings for {result.Value?.DisplayName}: {AdminCard.PermissionText(permission)}.");
    }

    /// <summary>Maps a user to the Entra object id Teams sends for them, so their Teams chats act as them.</summary>
    public async Task MapDirectoryIdAsync(BotTurn turn, string userId, string aadObjectId)
    {
        var result = await tenants.Ask(turn.TenantId, new SetDirectoryId(turn.UserId, userId, aadObjectId));
        await ReplyAsync(turn, result.IsSuccess, result.Message,
            $"{result.Value?.DisplayName} is now {result.Value?.AadObjectId} in Teams: their Teams chats act as them.");
    }

    public async Task AddFundsAsync(BotTurn turn, string? amountText)
    {
        if (!TryMoney(amountText, out var amount))
        {
            await turn.SayAsync(EngineMessages.For(EngineError.InvalidAmount));
            return;
        }
        var result = (await tenants.Ask(turn.TenantId, new AddFunds(turn.UserId, amount)));
        await ReplyAsync(turn, result.IsSuccess, result.Message,
            $"Added {CardFormat.Amount(amount)} to Communications Credits. Balance: {CardFormat.Amount(result.Value)}.");
    }

    public async Task SetAutoRechargeAsync(BotTurn turn, string? enabledText, string? thresholdText, string? amountText)
    {
        var enabled = string.Equals(enabledText, "true", StringComparison.OrdinalIgnoreCase);
        decimal threshold = 0, amount = 0;
        if (enabled && (!TryMoney(thresholdText, out threshold) || !TryMoney(amountText, out amount)))
        {
            await turn.SayAsync(EngineMessages.For(EngineError.InvalidAmount));
            return;
        }
        var result = (await tenants.Ask(turn.TenantId, new SetAutoRecharge(turn.UserId, enabled, threshold, amount)));
        await ReplyAsync(turn, result.IsSuccess, result.Message, enabled
            ? $"Auto-recharge on: add {amount.ToString("0.00", CultureInfo.InvariantCulture)} when the balance falls below {threshold.ToString("0.00", CultureInfo.InvariantCulture)}."
            : "Auto-recharge off.");
    }

    /// <summary>
    /// <c>orphan policy</c> says the tenant's guard for phones left up after their user left; <c>orphan policy off|ask|end N</c>
    /// sets it (admins; audited by the engine).
    /// </summary>
    public async Task OrphanPolicyAsync(BotTurn turn, string? policyText, string? minutesText)
    {
        if (string.IsNullOrEmpty(policyText))
        {
            await turn.SayAsync(CardFormat.OrphanedLegPolicy(await tenants.Ask(turn.TenantId, new GetOrphanedLegPolicy())) +
                " Admins change it with `orphan policy off`, `orphan policy ask` or `orphan policy end 5`.");
            return;
        }
        if (!Enum.TryParse<OrphanedLegAction>(policyText, true, out var action) || !Enum.IsDefined(action)
            || (!string.IsNullOrEmpty(minutesText) && !int.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            await turn.SayAsync(EngineMessages.For(EngineError.InvalidOrphanedLegPolicy));
            return;
        }
        int? minutes = string.IsNullOrEmpty(minutesText) ? null : int.Parse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture);
        var result = await tenants.Ask(turn.TenantId, new SetOrphanedLegPolicy(turn.UserId, action, minutes));
        await turn.SayAsync(result.IsSuccess
            ? CardFormat.OrphanedLegPolicy(result.Value!)
            : result.Error == EngineError.NotTenantAdmin ? result.Message + AdminHint(turn) : result.Message!);
    }

    public async Task PoolsAsync(BotTurn turn)
    {
        var report = (await tenants.Ask(turn.TenantId, new GetMinutePoolsReport(turn.UserId, MonthsOfHistory: 2)));
        if (!report.IsSuccess)
        {
            await turn.SayAsync($"{report.Message}{AdminHint(turn)}");
            return;
        }
        await turn.SendCardAsync(PoolsReportCard.Build(report.Value!));
    }

    public async Task UsageAsync(BotTurn turn, int days)
    {
        var now = time.GetUtcNow();
        // Half-open [from, to): "to" a second past now so a call that started this second is included.
        var from = now.AddDays(-Math.Clamp(days, 1, 366));
        var to = now.AddSeconds(1);
        var report = (await tenants.Ask(turn.TenantId, new GetUsageReport(turn.UserId, from, to)));
        if (!report.IsSuccess)
        {
            await turn.SayAsync($"{report.Message}{AdminHint(turn)}");
            return;
        }
        await turn.SendCardAsync(UsageReportCard.Build(report.Value!, from, to, publicBaseUrl.TrimEnd('/') + "/#/admin/usage"));
    }

    public async Task CreditsAsync(BotTurn turn)
    {
        if (!await IsAdminAsync(turn))
        {
            await turn.SayAsync($"{EngineMessages.For(EngineError.NotTenantAdmin)}{AdminHint(turn)}");
            return;
        }
        var tenant = (await tenants.Ask(turn.TenantId, new GetTenant())).Value!;
        var forecast = await tenants.Ask(turn.TenantId, new GetMoneyForecast(turn.UserId));
        await turn.SendCardAsync(CreditsCard.Build(tenant.CreditBalance, tenant.Currency, tenant.Purchases, tenant.AutoRecharge, time.GetUtcNow(), forecast.Value));
    }

    /// <summary>Moves the demo clock and lets the engine catch up (meters minutes, cuts off, reminds).</summary>
    /// <summary>The audit log (admins only): who changed what, and every dial-out attempt with its outcome.</summary>
    public async Task AuditAsync(BotTurn turn)
    {
        var log = (await tenants.Ask(turn.TenantId, new GetAuditLog(turn.UserId, 500)));
        if (!log.IsSuccess)
        {
            await turn.SayAsync(log.Error == EngineError.NotTenantAdmin ? $"{log.Message}{AdminHint(turn)}" : log.Message!);
            return;
        }
        await turn.SendCardAsync(AuditCard.Build(log.Value!));
    }

    public async Task FastForwardAsync(BotTurn turn, string minutesText)
    {
        if (DemoTime.For(time, tenants, demoTime) is not { } demo)
        {
            await turn.SayAsync("The clock is real here (not the demo clock), so it cannot be moved.");
            return;
        }
        if (!int.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > MaxFastForwardMinutes)
        {
            await turn.SayAsync($"Fast forward takes 1 to {MaxFastForwardMinutes} minutes, e.g. `fast forward 30`.");
            return;
        }
        var now = await demo.AdvanceAsync(TimeSpan.FromMinutes(minutes));
        await turn.SayAsync($"⏩ Moved the demo clock forward {minutes} minute(s). It is now {CardFormat.When(now, turn.ViewerOffset)}.");
    }

    private async Task<bool> IsAdminAsync(BotTurn turn) => (await tenants.Ask(turn.TenantId, new GetUser(turn.UserId))).Value?.IsTenantAdmin == true;

    private async Task ReplyAsync(BotTurn turn, bool ok, string? error, string done)
    {
        if (!ok)
        {
            await turn.SayAsync(error!);
            return;
        }
        await ShowAsync(turn, done);
    }

    private static bool TryMoney(string? text, out decimal amount) =>
        decimal.TryParse(text?.Trim().TrimStart('$'), NumberStyles.Number, CultureInfo.InvariantCulture, out amount);
}
