namespace MeetingBot.Web.Bot;

/// <summary>
/// The one table of chat commands: each form's pattern (what the router matches, in this order, first match wins),
/// and for the listed ones the title, help text and example that the help card shows and the Teams manifest's
/// command lists must repeat. The bot gives every form a handler by <see cref="BotCommand.Name"/>; a form without
/// one, or a handler without a form, stops the bot from starting (and fails a test).
/// </summary>
public static class BotCommandCatalog
{
    private const string Number = "(?<number>.+?)";

    public static IReadOnlyList<BotCommand> All { get; } =
    [
        Listed("help", "Show what I can do", "help", @"help|\?|commands|what can you do|menu|hi|hello"),
        Listed("whoami", "Show who you are in the demo tenant", "whoami", @"who ?am ?i|whoami|me"),
        Listed("act as", "Act as another demo user", "act as megan", @"(act|acting) as (?<who>.+)|switch to (?<who>.+)|i am (?<who>.+)"),
        Listed("schedule", "Schedule a meeting and post its invite", "schedule Weekly sync",
            @"(schedule|book|new meeting|create meeting)( a meeting| meeting)?(\s+(?<subject>.*?))?(\s+at\s+(?<at>\d{1,2}(:\d{2})?\s*([ap]m)?))?"),
        Listed("meetings", "List your meetings", "meetings", @"(my |list |show )?meetings|list"),
        Listed("join", "Join a meeting (pre-join screen)", "join 1", @"join( meeting)?\s+#?(?<id>[\w-]+)"),
        Form("join which", "join", @"join( (the |my )?meeting)?"),
        Listed("call me", "Phone audio: the meeting calls you", "call me at 405 555 0100", $@"(call me|phone audio|dial me)(\s+(at|on))?\s+{Number}(?<now>\s+now)?"),
        Listed("dial in", "Call the bridge and enter a conference ID", "dial in 123456789#",
            @"dial[ -]?in\s+(?<cid>[\d ]+#?)(\s+pin\s+(?<pin>\d+#?))?(\s+from\s+(?<from>.+))?"),
        // "dial in" without a conference ID (or with something else) would otherwise be read as "dial <number>".
        Form("dial in how", "dial in", @"dial[ -]?in(\s+.*)?"),
        // Before "add": "add funds 50" is money, not a phone number.
        Listed("add funds", "Admin: buy Communications Credits", "add funds 50", @"add (funds|credits)\s+\$?(?<amount>\S+)"),
        Listed("add", "Add a participant by phone", "add +44 20 7946 0000", $@"(add|invite|dial)( participant)?(\s+by phone)?\s+{Number}(?<now>\s+now)?"),
        Listed("hang up", "End your phone leg", "hang up", @"hang ?up( my phone)?|hangup|end (my )?(phone|call)"),
        Listed("press", "Press keys on your phone (simulation): 1 to stay after leaving, *6 mute, *1 minutes left", "press *6", @"press( keys)?\s+(?<keys>\S+)"),
        Listed("leave", "Leave the meeting in the client", "leave", @"leave( (the )?meeting)?"),
        Listed("end meeting", "End the meeting (organizer)", "end meeting", @"end( the)?( meeting)?"),
        Listed("roster", "Who is in your meeting, with a hang-up button for each phone", "roster", @"roster|participants|people"),
        Listed("lobby", "Who is waiting in the lobby, and lobby settings (organizer)", "lobby", @"(show )?(the )?lobby( settings)?|meeting options"),
        Listed("admit", "Let someone in from the lobby (organizer)", "admit +1 405-555-0123", @"admit( all| everyone|\s+(?<who>.+?))?( from the lobby)?"),
        Listed("reset pin", "Get a new organizer dial-in PIN", "reset pin", @"reset( my)?( organizer)?( dial-?in)? pin"),
        Listed("admin", "Admin: licenses, dial-out permission, credits", "admin", @"admin( center)?"),
        Listed("pools", "PSTN minute pools report", "pools", @"(pstn )?(minute )?pools?( report)?"),
        Listed("usage", "PSTN usage report", "usage", @"(pstn )?usage( report)?(\s+(?<days>\d{1,3})\s*days?)?"),
        Listed("map", "Admin: map a user to their Teams (Microsoft Entra) object id", "map megan to 6f2d0c4e-8a1b-4c3d-9e5f-0a1b2c3d4e5f",
            @"map( user)?\s+(?<user>\S+)\s+(to|as)\s+(?<id>\S+)"),
        Listed("orphan policy", "Admin: what to do with a phone left connected after its user left (off, ask, end N minutes)", "orphan policy ask",
            @"orphan(ed)?( legs?| phones?)? policy(\s+(?<policy>[a-z]+))?(\s+(after\s+)?(?<minutes>\d{1,6})(\s*(m|mins?|minutes?))?)?"),
        Listed("guardrails", "Admin: toll-fraud guardrails (dial-out budgets, approval rule)", "guardrails", @"(toll[ -]?fraud )?guardrails?"),
        Listed("budget", "Admin: a user's monthly dial-out budget in minutes and money (none: no limit)", "budget adele 60 5.00",
            @"budget\s+(for\s+)?(?<who>\S+)(\s+(?<minutes>\S+))?(\s+(?<money>\S+))?"),
        Listed("approval rule", "Admin: dial-outs outside Zone A or above a rate need the organizer's approval", "approval zone a on",
            @"approvals?( rule)?\s+(?<what>(outside )?zone ?a|rate|expiry)\s+(?<value>\S+)"),
        Listed("approvals", "Calls waiting for your approval as organizer", "approvals", @"(pending |my )?approvals?"),
        Form("approve", "approvals", @"(?<verb>approve|deny)\s+(?<id>apr-[0-9a-f]+)"),
        Listed("audit", "Admin: audit log of admin actions and dial-outs", "audit", @"(show )?(the )?audit( log)?"),
        Listed("credits", "Communications Credits balance, funds and forecast", "credits", @"credits|balance|communications credits"),
        Listed("fast forward", "Demo clock: move time forward N minutes", "fast forward 30", @"(fast[ -]?forward|ff|advance)(\s+(?<n>\S+?))?(\s*(m|mins?|minutes?))?"),
    ];

    /// <summary>The commands the help card lists and the manifest may offer: one per title.</summary>
    public static IEnumerable<BotCommand> Listed() => All.Where(c => c.IsListed);

    /// <summary>The listed command with this title, or null.</summary>
    public static BotCommand? Find(string title) =>
        Listed().FirstOrDefault(c => string.Equals(c.Title, title, StringComparison.OrdinalIgnoreCase));

    private static BotCommand Listed(string title, string description, string example, string pattern) => new(title, title, pattern, description, example);

    private static BotCommand Form(string name, string title, string pattern) => new(name, title, pattern, null, null);
}

/// <param name="Name">The form's own name, unique: what the bot's handler is registered under.</param>
/// <param name="Title">The command the form belongs to (several forms may share one).</param>
/// <param name="Pattern">Matched against the whole, tidied message, case-insensitively.</param>
/// <param name="Description">Help text; null for a second form of a listed command.</param>
/// <param name="Example">What to type; null for a second form.</param>
public sealed record BotCommand(string Name, string Title, string Pattern, string? Description, string? Example)
{
    public bool IsListed => Description is not null;
}
