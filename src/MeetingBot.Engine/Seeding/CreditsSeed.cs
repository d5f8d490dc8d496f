namespace MeetingBot.Engine.Seeding;

public sealed class CreditsSeed
{
    public decimal InitialFunds { get; set; }
    public AutoRechargeSeed AutoRecharge { get; set; } = new();
}
