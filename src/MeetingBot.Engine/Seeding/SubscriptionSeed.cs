namespace MeetingBot.Engine.Seeding;

public sealed class SubscriptionSeed
{
    public string Sku { get; set; } = "";
    public int Seats { get; set; }
}
