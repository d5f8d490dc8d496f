using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

public static class HelpCard
{
    /// <param name="notUnderstood">What the user typed when it matched no command (already shortened), or null.</param>
    public static JObject Build(string? notUnderstood = null) => Card(
        [
            notUnderstood is null ? null : Text($"Sorry, I did not understand \"{notUnderstood}\".", color: "Warning"),
            Heading("What I can do"),
            Facts(BotCommandCatalog.Listed().Select(c => (c.Example!, c.Description!))),
            Text("Commands are case-insensitive. Buttons on cards do the same as typing.", subtle: true),
        ],
        [
            Submit("Schedule a meeting", CardActions.Schedule, new { subject = "Weekly sync" }),
            Submit("Admin", CardActions.Admin),
        ]);
}
