namespace MeetingBot.Web.Hubs.Messages;

/// <summary>To tenant admins: the Communications Credits balance changed (funds, auto-recharge, call charge, forfeiture).</summary>
public sealed record CreditsChangedMessage(decimal Balance, string Currency, string Reason, DateTimeOffset At);
