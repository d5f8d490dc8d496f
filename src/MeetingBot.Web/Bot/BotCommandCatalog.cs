namespace MeetingBot.Web.Bot;

/// <summary>
/// The chat commands the bot understands. The Teams manifest's command list and the help card are both
/// checked against this list, so a command cannot be advertised without being handled.
/// </summary>
public static class BotCommandCatalog
{
    public static IReadOnlyList<BotCommand> All { get; } =
    [
        new("help", "Show what I can do", "help"),
        new("whoami", "Show who you are in the demo tenant", "whoami"),
        new("act as", "Act as another demo user", "act as megan"),
        new("schedule", "Schedule a meeting and post its invite", "schedule Weekly sync"),
        new("meetings", "List your meetings", "meetings"),
        new("join", "Join a meeting (pre-join screen)", "join 1"),
        new("call me", "Phone audio: the meeting calls you", "call me at 405 555 0100"),
        new("add", "Add a participant by phone", "add +44 20 7946 0000"),
        new("hang up", "End your phone leg", "hang up"),
        new("leave", "Leave the meeting in the client", "leave"),
        new("end meeting", "End the meeting (organizer)", "end meeting"),
        new("dial in", "Call the bridge and enter a conference ID", "dial in 123456789#"),
        new("lobby", "Who is waiting in the lobby, and lobby settings (organizer)", "lobby"),
        new("admit", "Let someone in from the lobby (organizer)", "admit +1 405-555-0123"),
        new("reset pin", "Get a new organizer dial-in PIN", "reset pin"),
        new("admin", "Admin: licenses, dial-out permission, credits", "admin"),
        new("pools", "PSTN minute pools report", "pools"),
        new("usage", "PSTN usage report", "usage"),
        new("map", "Admin: map a user to their Teams (Microsoft Entra) object id", "map megan to 6f2d0c4e-8a1b-4c3d-9e5f-0a1b2c3d4e5f"),
        new("audit", "Admin: audit log of admin actions and dial-outs", "audit"),
        new("credits", "Communications Credits balance and funds", "credits"),
        new("fast forward", "Demo clock: move time forward N minutes", "fast forward 30"),
    ];

    public static BotCommand? Find(string title) =>
        All.FirstOrDefault(c => string.Equals(c.Title, title, StringComparison.OrdinalIgnoreCase));
}

public sealed record BotCommand(string Title, string Description, string Example);
