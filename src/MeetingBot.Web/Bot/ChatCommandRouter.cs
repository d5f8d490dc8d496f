using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace MeetingBot.Web.Bot;

/// <summary>
/// Matches a chat message against a table of anchored, case-insensitive patterns, first match wins. Text is
/// tidied first (spaces collapsed, a trailing full stop or "please" dropped) so natural phrasings route.
/// </summary>
public sealed class ChatCommandRouter
{
    // Patterns are compiled once per process: a test harness builds many bots, each with its own route table.
    private static readonly ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);
    private static readonly Regex Spaces = new("\\s+", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private readonly List<ChatRoute> _routes = [];

    /// <summary>
    /// A safety net against a pattern that backtracks badly, not a budget: matching a 2,000-character message takes
    /// microseconds, but on a starved machine (250 ms was tried) a plain "schedule" turn timed out and failed.
    /// </summary>
    public static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(2);

    public IReadOnlyList<ChatRoute> Routes => _routes;

    /// <summary>
    /// The router for <see cref="BotCommandCatalog"/>: every form, in the catalog's order, with the handler registered
    /// under its name. A form without a handler, or a handler for no form, is a programming error.
    /// </summary>
    public static ChatCommandRouter FromCatalog(IReadOnlyDictionary<string, Func<BotTurn, Match, Task>> handlers)
    {
        var router = new ChatCommandRouter();
        foreach (var command in BotCommandCatalog.All)
            router.Add(command.Title, command.Pattern, handlers.TryGetValue(command.Name, out var handle) ? handle
                : throw new InvalidOperationException($"The chat command form '{command.Name}' has no handler."));
        var unused = handlers.Keys.Except(BotCommandCatalog.All.Select(c => c.Name)).ToList();
        if (unused.Count > 0) throw new InvalidOperationException($"Handlers for no chat command: {string.Join(", ", unused)}.");
        return router;
    }

    public ChatCommandRouter Add(string command, string pattern, Func<BotTurn, Match, Task> handle)
    {
        var regex = Compiled.GetOrAdd(pattern, p => new Regex("^(?:please\\s+)?(?:" + p + ")(?:\\s+please)?$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled, PatternTimeout));
        _routes.Add(new ChatRoute(command, regex, handle));
        return this;
    }

    public static string Tidy(string text) =>
        Spaces.Replace(text.Trim(), " ").TrimEnd('.', '!', '?', ' ');

    /// <summary>Runs the first matching route; false when none matched.</summary>
    public async Task<bool> TryRouteAsync(BotTurn turn, string text)
    {
        var tidy = Tidy(text);
        foreach (var route in _routes)
        {
            var match = route.Pattern.Match(tidy);
            if (!match.Success) continue;
            await route.Handle(turn, match);
            return true;
        }
        return false;
    }

    /// <summary>The route a message would take (for tests and diagnostics).</summary>
    public string? Resolve(string text) => _routes.FirstOrDefault(r => r.Pattern.IsMatch(Tidy(text)))?.Command;
}
