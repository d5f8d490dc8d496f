using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace MeetingBot.Web.Bot;

/// <summary>The host's Bot Framework adapter: logs a failed turn and apologises once, never showing the exception.</summary>
public sealed class AdapterWithErrorHandler : CloudAdapter
{
    public const string Apology = "Sorry, something went wrong on my side. Please try again, or type help.";

    public AdapterWithErrorHandler(BotFrameworkAuthentication authentication, ILogger<AdapterWithErrorHandler> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            logger.LogError(exception, "Bot turn failed for a {ActivityType} activity", turnContext.Activity?.Type);
            try
            {
                await turnContext.SendActivityAsync(Apology);
            }
            catch (Exception sendFailure)
            {
                // The channel itself may be what failed; one log line is all that is left to do.
                logger.LogError(sendFailure, "Could not send the apology");
            }
        };
    }
}
