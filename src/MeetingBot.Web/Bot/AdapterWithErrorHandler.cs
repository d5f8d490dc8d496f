using MeetingBot.Cluster;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace MeetingBot.Web.Bot;

/// <summary>The host's Bot Framework adapter: logs a failed turn and apologises once, never showing the exception.</summary>
public sealed class AdapterWithErrorHandler : CloudAdapter, IBotFrameworkHttpAdapter
{
    private readonly ILogger<AdapterWithErrorHandler> _logger;

    public const string Apology = "Sorry, something went wrong on my side. Please try again, or type help.";
    public const string TenantMoving = "Your organization is moving to another MeetingBot server right now. Please try again in a few seconds.";
    public const string StorageBusy = "I couldn't save that: the database is busy right now, and nothing was changed. Please try again in a moment.";

    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, ILogger<AdapterWithErrorHandler> logger)
        : base(authentication, logger)
    {
        _logger = logger;
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Bot turn failed for a {ActivityType} activity", turnContext.Activity?.Type);
            try
            {
                await turnContext.SendActivityAsync(ApologyFor(exception));
            }
            catch (Exception sendFailure)
            {
                // The channel itself may be what failed; one log line is all that is left to do.
                logger.LogError(sendFailure, "Could not send the apology");
            }
        };
    }

    /// <summary>What a failed turn tells the user, for every adapter of the bot (the web chat's too).</summary>
    public static string ApologyFor(Exception exception) => exception switch
    {
        // A host died and the tenant has not come back on a survivor within the retry budget: the command did
        // not run (or its outcome is unknown), and saying so is more useful than a generic apology.
        TenantUnavailableException => TenantMoving,
        System.Data.Common.DbException => StorageBusy,
        _ => Apology,
    };

    /// <summary>
    /// CloudAdapter answers 401 only for <see cref="UnauthorizedAccessException"/>; a malformed or wrongly signed
    /// token surfaces from the token library as a <see cref="SecurityTokenException"/> or
    /// <see cref="SecurityTokenMalformedException"/>, which would be a 500. Either way the request is not authentic.
    /// </summary>
    public new async Task ProcessAsync(HttpRequest httpRequest, HttpResponse httpResponse, IBot bot, CancellationToken cancellationToken = default)
    {
        try
        {
            await base.ProcessAsync(httpRequest, httpResponse, bot, cancellationToken);
        }
        catch (Exception e) when (IsNotAuthentic(e) && !httpResponse.HasStarted)
        {
            _logger.LogWarning("Rejected /api/messages request: {Reason}", e.GetType().Name);
            httpResponse.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (Connector.IdentityProviderUnavailableException e) when (!httpResponse.HasStarted)
        {
            // Not the caller's fault and not ours to guess: the channel retries a 503.
            _logger.LogError(e, "Could not check a channel token: the identity provider is unreachable");
            httpResponse.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpResponse.Headers.RetryAfter = "30";
        }
    }

    /// <summary>
    /// The token library's verdicts on a token it cannot read or trust: its own exception types, and the
    /// ArgumentException (IDX codes) it throws for a token whose parts are not Base64url, such as "a.b.c".
    /// </summary>
    private static bool IsNotAuthentic(Exception e) =>
        e is SecurityTokenException or SecurityTokenMalformedException
        || (e is ArgumentException && e.Message.StartsWith("IDX", StringComparison.Ordinal));
}
