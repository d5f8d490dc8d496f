using System.Threading.RateLimiting;
using MeetingBot.Engine;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.RateLimiting;

namespace MeetingBot.Web.Api;

/// <summary>
/// Per-user fixed window on the endpoints that dial phones (toll-fraud guard at the edge; the engine keeps its
/// own limit). Bound from "MeetingBot:Api:DialOutsPerMinute".
/// </summary>
public static class DialOutRateLimit
{
    public const string Policy = "dial-out";
    public const int DefaultPermitsPerMinute = 10;

    public static IServiceCollection AddDialOutRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await ApiErrors.WriteAsync(ctx.HttpContext.Response,
                    ApiError.Of(StatusCodes.Status429TooManyRequests, nameof(EngineError.RateLimited), EngineMessages.For(EngineError.RateLimited)), ct);
            };
            o.AddPolicy(Policy, http =>
            {
                var me = CurrentUser.TryFrom(http.User);
                var permits = http.RequestServices.GetRequiredService<IConfiguration>().GetValue("MeetingBot:Api:DialOutsPerMinute", DefaultPermitsPerMinute);
                return RateLimitPartition.GetFixedWindowLimiter(me is null ? "anonymous" : $"{me.TenantId}:{me.UserId}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, permits),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                });
            });
        });
}
