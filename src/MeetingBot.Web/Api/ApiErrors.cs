using MeetingBot.Engine;
using Microsoft.AspNetCore.Http.HttpResults;

namespace MeetingBot.Web.Api;

/// <summary>Turns engine errors into HTTP answers with the engine's words, so the API says what the bot and the hub say.</summary>
public static class ApiErrors
{
    public const string InvalidRequest = "InvalidRequest";
    public const string RequestTooLarge = "RequestTooLarge";

    public static int StatusFor(EngineError error) => error switch
    {
        EngineError.UnknownTenant or EngineError.UnknownUser or EngineError.UnknownMeeting or EngineError.UnknownCallLeg
            or EngineError.UnknownDialInSession or EngineError.NotABridgeNumber or EngineError.UnknownApproval => StatusCodes.Status404NotFound,
        EngineError.NotTenantAdmin or EngineError.NotMeetingOrganizer or EngineError.NotMeetingParticipant
            or EngineError.NoAudioConferencing or EngineError.CallingFeatureNotSetUp or EngineError.DestinationNotAllowed
            or EngineError.DialInNotAllowed or EngineError.NotYourCallLeg or EngineError.DialOutBudgetSpent => StatusCodes.Status403Forbidden,
        EngineError.MeetingEnded or EngineError.LicenseAlreadyAssigned or EngineError.LicenseNotAssigned or EngineError.NoSeatsLeft
            or EngineError.PhoneLegAlreadyActive or EngineError.NoPhoneLeg or EngineError.CallLegEnded or EngineError.PaymentDeclined
            or EngineError.TollFreeUnavailable or EngineError.TooManyConferenceIdAttempts or EngineError.DirectoryIdInUse
            or EngineError.CallLegNotAnswered or EngineError.ApprovalNotPending or EngineError.ApprovalExpired
            or EngineError.AwaitingOrganizerApproval => StatusCodes.Status409Conflict,
        EngineError.RateLimited => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status400BadRequest,
    };

    public static JsonHttpResult<ApiError> From(EngineError error) => Problem(StatusFor(error), error.ToString(), EngineMessages.For(error));

    /// <summary>A problem-details answer (<see cref="ApiError"/>) with its status and content type.</summary>
    public static JsonHttpResult<ApiError> Problem(int status, string error, string detail) =>
        TypedResults.Json(ApiError.Of(status, error, detail), statusCode: status, contentType: ApiError.ContentType);

    public static JsonHttpResult<ApiError> From<T>(EngineResult<T> failed) =>
        From(failed.Error ?? throw new ArgumentException("The result succeeded.", nameof(failed)));

    /// <summary>Writes a problem-details body where no endpoint result is at hand (middleware, rate limiter, /api/messages).</summary>
    public static Task WriteAsync(HttpResponse response, ApiError problem, CancellationToken cancellationToken)
    {
        response.StatusCode = problem.Status;
        return response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, ApiError.ContentType, cancellationToken);
    }

    /// <summary>Bad input the engine never sees (unknown enum names, unparsable dates, unknown columns).</summary>
    public static JsonHttpResult<ApiError> Invalid(string message) =>
        Problem(StatusCodes.Status400BadRequest, InvalidRequest, message);
}
