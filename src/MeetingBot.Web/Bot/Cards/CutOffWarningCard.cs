using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>
/// Beyond Teams: a call is about to be cut off because its minutes and credits run out. Tells the user who dialed and
/// the organizer, with "Add funds" for a tenant admin (credits are theirs to buy) and "Hang up" for anyone it goes to.
/// </summary>
public static class CutOffWarningCard
{
    public static JObject Build(CutOffWarning w, bool isAdmin, string currency) => Card(
        [
            Text($"⏳ {Summary(w)}", size: "Medium", weight: "Bolder", color: "Warning").WithId("summary"),
            Text(w.Prompt).WithId("message"),
            Facts([("Phone", CardFormat.Phone(w.ToNumber)), ("Meeting", w.MeetingId), ("Minutes left", $"about {w.MinutesLeft}")]),
            isAdmin
                ? InputNumber("fundsAmount", $"Add funds ({currency})", 25m, CreditAccount.MinPurchase, CreditAccount.MaxPurchase)
                : Text("A tenant admin can add Communications Credits to keep calls going.", subtle: true).WithId("askAdmin"),
        ],
        [
            isAdmin ? Submit("Add funds", CardActions.AddFunds) : null,
            Submit("Hang up", CardActions.HangUp, new { meetingId = w.MeetingId, legId = w.LegId }, style: "destructive"),
        ]);

    /// <summary>The line a chat shows beside the card (and the summary on it).</summary>
    public static string Summary(CutOffWarning w) =>
        $"The call to {CardFormat.Phone(w.ToNumber)} in meeting {w.MeetingId} will be cut off in about {w.MinutesLeft} {(w.MinutesLeft == 1 ? "minute" : "minutes")}";
}
