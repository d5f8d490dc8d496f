using Microsoft.AspNetCore.WebUtilities;

namespace MeetingBot.Web.Api;

/// <summary>
/// Refusals that ASP.NET Core makes before a handler runs (401 and 403 from authorization, 400 for a body the JSON
/// binder cannot read, 415, 405, 404 of an unmapped route) carry the same problem-details body (<see cref="ApiError"/>) as the
/// handlers' own, so a client never has to guess the shape of an error under /api.
/// </summary>
public static class ApiErrorBodies
{
    public static IApplicationBuilder UseApiErrorBodies(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            await next(http);
            return;
        }
        try
        {
            await next(http);
        }
        catch (BadHttpRequestException e) when (!http.Response.HasStarted)
        {
            // In Development minimal APIs throw binding failures (RouteHandlerOptions.ThrowOnBadRequest); elsewhere
            // they only set the status. Either way the caller gets the same answer.
            http.Response.Clear();
            http.Response.StatusCode = e.StatusCode;
        }
        var status = http.Response.StatusCode;
        if (status is >= 400 and < 600 && !http.Response.HasStarted && http.Response.ContentType is null && http.Response.ContentLength is null or 0)
            await ApiErrors.WriteAsync(http.Response, For(status), http.RequestAborted);
    });

    public static ApiError For(int status) => status switch
    {
        StatusCodes.Status400BadRequest => ApiError.Of(status, ApiErrors.InvalidRequest, "The request could not be read: send a JSON object with the fields this route expects, of the right types."),
        StatusCodes.Status401Unauthorized => ApiError.Of(status, "Unauthorized", "This needs a valid sign-in or token."),
        StatusCodes.Status403Forbidden => ApiError.Of(status, "Forbidden", "You are not allowed to do this."),
        StatusCodes.Status404NotFound => ApiError.Of(status, "NotFound", "There is nothing here."),
        StatusCodes.Status405MethodNotAllowed => ApiError.Of(status, "MethodNotAllowed", "This address does not accept that method."),
        StatusCodes.Status413PayloadTooLarge => ApiError.Of(status, ApiErrors.RequestTooLarge, "The request body is larger than 64 KB."),
        StatusCodes.Status415UnsupportedMediaType => ApiError.Of(status, "UnsupportedMediaType", "Send the body as JSON (Content-Type: application/json)."),
        _ => ApiError.Of(status, ReasonPhrases.GetReasonPhrase(status).Replace(" ", "", StringComparison.Ordinal) is { Length: > 0 } name ? name : "Error",
            ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "The request failed."),
    };
}
