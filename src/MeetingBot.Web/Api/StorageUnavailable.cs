using System.Data.Common;

namespace MeetingBot.Web.Api;

/// <summary>
/// The database is locked, down or unreachable: the caller gets a clear 503 with Retry-After instead of a 500 and
/// a stack trace, and the host keeps serving (the next request tries the database again).
/// </summary>
public static class StorageUnavailable
{
    public const string Error = "ServiceUnavailable";
    public const string Message = "The service is temporarily unavailable and could not save this. Try again in a moment.";

    public static async ValueTask<object?> Filter(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception e) when (e is DbException or MeetingBot.Cluster.TenantUnavailableException && !context.HttpContext.Response.HasStarted)
        {
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageUnavailable))
                .LogError(e, "Storage unavailable for {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Headers.RetryAfter = "5";
            return ApiErrors.Problem(StatusCodes.Status503ServiceUnavailable, Error, Message);
        }
    }
}
