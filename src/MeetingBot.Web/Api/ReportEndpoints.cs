using System.Globalization;
using System.Text;
using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Reports;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingBot.Web.Api;

/// <summary>/api/admin/reports: "PSTN minute pools" (with history) and "PSTN and SMS usage" as JSON or CSV.</summary>
public static class ReportEndpoints
{
    private static readonly TimeSpan DefaultUsageRange = TimeSpan.FromDays(30);

    public static RouteGroupBuilder MapReportEndpoints(this RouteGroupBuilder admin)
    {
        admin.MapGet("/reports/pools", Pools);
        admin.MapGet("/reports/usage", Usage);
        admin.MapGet("/reports/usage.csv", UsageCsv);
        return admin;
    }

    private static async Task<Results<Ok<List<MinutePoolRowView>>, JsonHttpResult<ApiError>>> Pools(string? months, HttpContext http, ITenants tenants)
    {
        var me = CurrentUser.From(http.User);
        var history = 0;
        if (!string.IsNullOrEmpty(months) && !int.TryParse(months, NumberStyles.None, CultureInfo.InvariantCulture, out history))
            return ApiErrors.From(EngineError.InvalidMonthsOfHistory);
        var rows = await tenants.Ask(me.TenantId, new GetMinutePoolsReport(me.UserId, history));
        return rows.IsSuccess ? TypedResults.Ok(rows.Value!.Select(r => r.ToView()).ToList()) : ApiErrors.From(rows);
    }

    private static async Task<Results<Ok<UsageReportView>, JsonHttpResult<ApiError>>> Usage(string? from, string? to, string? userId, string? callType, string? columns,
        HttpContext http, ITenants tenants, [FromKeyedServices(MeetingBotClock.Key)] TimeProvider time)
    {
        var query = await RunAsync(from, to, userId, callType, columns, http, tenants, time);
        if (query.Error is { } error) return error;
        var q = query.Value!;
        var rows = q.Records.Select(r => (IReadOnlyDictionary<string, string>)q.Columns.ToDictionary(c => c, c => UsageReportColumns.Value(r, c))).ToList();
        return TypedResults.Ok(new UsageReportView(q.From, q.To, userId, q.Columns, rows));
    }

    private static async Task<Results<FileContentHttpResult, JsonHttpResult<ApiError>>> UsageCsv(string? from, string? to, string? userId, string? callType, string? columns,
        HttpContext http, ITenants tenants, [FromKeyedServices(MeetingBotClock.Key)] TimeProvider time)
    {
        var query = await RunAsync(from, to, userId, callType, columns, http, tenants, time);
        if (query.Error is { } error) return error;
        var q = query.Value!;
        var csv = UsageReportColumns.ToCsv(q.Records, q.Columns);
        var name = string.Create(CultureInfo.InvariantCulture, $"pstn-usage-{q.From:yyyyMMdd}-{q.To:yyyyMMdd}.csv");
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv", name);
    }

    private sealed record UsageQuery(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<string> Columns, IReadOnlyList<UsageRecord> Records);

    private sealed record QueryOutcome(UsageQuery? Value, JsonHttpResult<ApiError>? Error);

    /// <summary>Half-open [from, to); defaults to the last 30 days. Dates are ISO 8601; a date without offset is UTC.</summary>
    private static async Task<QueryOutcome> RunAsync(string? from, string? to, string? userId, string? callType, string? columns, HttpContext http, ITenants tenants, TimeProvider time)
    {
        var me = CurrentUser.From(http.User);
        if (!TryParseInstant(to, time.GetUtcNow(), out var end) || !TryParseInstant(from, end - DefaultUsageRange, out var start))
            return new(null, ApiErrors.From(EngineError.InvalidDateRange));
        var cols = string.IsNullOrWhiteSpace(columns)
            ? UsageReportColumns.All
            : columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = cols.FirstOrDefault(c => !UsageReportColumns.All.Contains(c));
        if (unknown is not null)
            return new(null, ApiErrors.Invalid($"Unknown column '{unknown}'. Known: {string.Join(", ", UsageReportColumns.All)}."));
        var records = await tenants.Ask(me.TenantId, new GetUsageReport(me.UserId, start, end, string.IsNullOrWhiteSpace(userId) ? null : userId,
            string.IsNullOrWhiteSpace(callType) ? null : callType.Trim()));
        return records.IsSuccess
            ? new(new UsageQuery(start, end, cols.ToList(), records.Value!), null)
            : new(null, ApiErrors.From(records));
    }

    private static bool TryParseInstant(string? text, DateTimeOffset fallback, out DateTimeOffset value)
    {
        if (string.IsNullOrWhiteSpace(text)) { value = fallback; return true; }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
