using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine.Tenancy;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

public static class WelcomeCard
{
    public static JObject Build(UserSnapshot actingAs, string tenantName) => Card(
        [
            Heading("Welcome to MeetingBot"),
            Text($"A Teams-style meeting bot for **{tenantName}** with Audio Conferencing: dial-in invites, \"Call me\", pooled dial-out minutes, Communications Credits and usage reports."),
            Text($"You are acting as **{actingAs.DisplayName}** ({actingAs.Id}). Type `act as megan` (or lee, alex, nestor) to switch.", subtle: true),
            InputText("subject", "Schedule a meeting", placeholder: "Meeting subject", value: "Weekly sync", maxLength: 200),
        ],
        [
            Submit("Schedule", CardActions.Schedule),
            Submit("Help", CardActions.Help),
            Submit("Admin", CardActions.Admin),
        ]);
}
