using System.Globalization;
using MeetingBot.Engine;
using MeetingBot.Engine.Licensing;
using MeetingBot.Web.Bot.Cards;
using MeetingBot.Web.Engine;

namespace MeetingBot.Web.Bot.Flows;

/// <summary>What the Teams admin center and the billing page do: licenses, permissions, credits, reports.</summary>
public sealed class AdminFlow(ConferenceEngine engine, TimeProvider time)
{
    public const int MaxFastForwardMinutes = 44_640;
    public const string TryAsAdmin = "Type `act as nestor` to act as the tenant admin.";

    public async Task ShowAsync(BotTurn turn, string? notice = null)
    {
        if (!IsAdmin(turn))
        {
            await turn.SayAsync($"{EngineMessages.For(EngineError.NotTenantAdmin)} {TryAsAdmin}");
            return;
        }
        var tenant = engine.GetTenant(turn.TenantId).Value!;
        var balance = engine.GetCreditBalance(turn.TenantId).Value;
        var seats = engine.GetSubscriptions(turn.TenantId).Value ?? [];
        await turn.SendCardAsync(AdminCard.Build(engine.ListUsers(turn.TenantId), seats, balance, tenant.Currency, tenant.Credits.AutoRecharge), notice);
    }

    public async Task AssignAsync(BotTurn turn, string? userId, string? skuText, bool assign)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(skuText) || !SkuCatalog.TryParse(skuText, out var sku))
        {
            await turn.SayAsync("Pick a user and a license on the admin card.");
            return;
        }
        var result = assign
            ? engine.AssignLicense(turn.TenantId, turn.UserId, userId, sku)
            : engine.UnassignLicense(turn.TenantId, turn.UserId, userId, sku);
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
        var result = engine.SetDialOutPermission(turn.TenantId, turn.UserId, userId, permission);
        await ReplyAsync(turn, result.IsSuccess, result.Message,
            $"Dial-out from meetings for {result.Value?.DisplayName}: {AdminCard.PermissionText(permission)}.");
    }

    public async Task AddFundsAsync(BotTurn turn, string? amountText)
    {
        if (!TryMoney(amountText, out var amount))
        {
            await turn.SayAsync(EngineMessages.For(EngineError.InvalidAmount));
            return;
        }
        var result = engine.AddFunds(turn.TenantId, turn.UserId, amount);
        await ReplyAsync(turn, result.IsSuccess, result.Message,
            $"Added {amount.ToString("0.00", CultureInfo.InvariantCulture)} to Communications Credits. Balance: {result.Value.ToString("0.00##", CultureInfo.InvariantCulture)}.");
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
        var result = engine.SetAutoRecharge(turn.TenantId, turn.UserId, enabled, threshold, amount);
        await ReplyAsync(turn, result.IsSuccess, result.Message, enabled
            ? $"Auto-recharge on: add {amount.ToString("0.00", CultureInfo.InvariantCulture)} when the balance falls below {threshold.ToString("0.00", CultureInfo.InvariantCulture)}."
            : "Auto-recharge off.");
    }

    public async Task PoolsAsync(BotTurn turn)
    {
        var report = engine.GetMinutePoolsReport(turn.TenantId, turn.UserId, monthsOfHistory: 2);
        if (!report.IsSuccess)
        {
            await turn.SayAsync($"{report.Message} {TryAsAdmin}");
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
        var report = engine.GetUsageReport(turn.TenantId, turn.UserId, from, to);
        if (!report.IsSuccess)
        {
            await turn.SayAsync($"{report.Message} {TryAsAdmin}");
            return;
        }
        await turn.SendCardAsync(UsageReportCard.Build(report.Value!, from, to));
    }

    public async Task CreditsAsync(BotTurn turn)
    {
        if (!IsAdmin(turn))
        {
            await turn.SayAsync($"{EngineMessages.For(EngineError.NotTenantAdmin)} {TryAsAdmin}");
            return;
        }
        var balance = engine.GetCreditBalance(turn.TenantId).Value;
        var tenant = engine.GetTenant(turn.TenantId).Value!;
        await turn.SendCardAsync(CreditsCard.Build(balance, tenant.Currency, [.. tenant.Credits.Purchases], tenant.Credits.AutoRecharge, time.GetUtcNow()));
    }

    /// <summary>Moves the demo clock and lets the engine catch up (meters minutes, cuts off, reminds).</summary>
    /// <summary>The audit log (admins only): who changed what, and every dial-out attempt with its outcome.</summary>
    public async Task AuditAsync(BotTurn turn)
    {
        var log = engine.GetAuditLog(turn.TenantId, turn.UserId, 500);
        if (!log.IsSuccess)
        {
            await turn.SayAsync(log.Error == EngineError.NotTenantAdmin ? $"{log.Message} {TryAsAdmin}" : log.Message!);
            return;
        }
        await turn.SendCardAsync(AuditCard.Build(log.Value!));
    }

    public async Task FastForwardAsync(BotTurn turn, string minutesText)
    {
        if (time is not DemoClock clock)
        {
            await turn.SayAsync("The clock is real here (not the demo clock), so it cannot be moved.");
            return;
        }
        if (!int.TryParse(minutesText, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < 1 or > MaxFastForwardMinutes)
        {
            await turn.SayAsync($"Fast forward takes 1 to {MaxFastForwardMinutes} minutes, e.g. `fast forward 30`.");
            return;
        }
        clock.Advance(TimeSpan.FromMinutes(minutes));
        engine.Tick();
        await turn.SayAsync($"⏩ Moved the demo clock forward {minutes} minute(s). It is now {CardFormat.When(clock.GetUtcNow(), turn.ViewerOffset)}.");
    }

    private bool IsAdmin(BotTurn turn) => engine.GetUser(turn.TenantId, turn.UserId).Value?.IsTenantAdmin == true;

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
