namespace MeetingBot.Web.Composition;

/// <summary>
/// Local dev mode (the Emulator without tokens, the dev sign-in, the demo clock, the simulated phone network, `act as`)
/// is a development convenience, never a production default. Decided once at start-up:
/// <list type="bullet">
/// <item><c>MeetingBot:LocalDevMode</c> unset: on in the Development environment with no Bot Framework app registration
/// (the README's run command), off otherwise.</item>
/// <item>On outside Development, or with a Bot Framework app id or password configured: the host refuses to start,
/// unless <c>MeetingBot:AllowLocalDevModeOutsideDevelopment</c> is true (logged loudly at start-up).</item>
/// <item>Off with no app id: nothing would authenticate /api/messages, so the host refuses to start.</item>
/// </list>
/// </summary>
public static class LocalDevMode
{
    public const string Key = "MeetingBot:LocalDevMode";
    public const string OverrideKey = "MeetingBot:AllowLocalDevModeOutsideDevelopment";

    /// <summary>The effective setting, or an <see cref="InvalidOperationException"/> that says what to change.</summary>
    public static bool Resolve(IConfiguration configuration, IHostEnvironment environment)
    {
        var isDevelopment = environment.IsDevelopment();
        var hasAppCredentials = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]) || !string.IsNullOrWhiteSpace(configuration["MicrosoftAppPassword"]);
        var on = configuration[Key] is { Length: > 0 } text
            ? bool.TryParse(text, out var parsed) ? parsed : throw new InvalidOperationException($"{Key} must be true or false, not '{text}'.")
            : isDevelopment && !hasAppCredentials;
        if (on && (!isDevelopment || hasAppCredentials) && !configuration.GetValue<bool>(OverrideKey))
            throw new InvalidOperationException(
                $"{Key} is on in the {environment.EnvironmentName} environment{(hasAppCredentials ? " with a Bot Framework app id or password configured" : "")}: " +
                "anyone could sign in as any user, move the clock and spend the tenant's credits. Turn it off, or set " +
                $"{OverrideKey}=true if this really is a throw-away demo host.");
        if (!on && string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]))
            throw new InvalidOperationException(
                $"{Key} is off and MicrosoftAppId is empty: nothing would authenticate /api/messages. Set MicrosoftAppId and " +
                "MicrosoftAppPassword (the bot's Azure registration), or run in the Development environment for the local demo.");
        return on;
    }
}
