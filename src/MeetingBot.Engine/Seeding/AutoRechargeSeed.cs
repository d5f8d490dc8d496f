namespace MeetingBot.Engine.Seeding;

public sealed class AutoRechargeSeed
{
    public bool Enabled { get; set; }
    public decimal Threshold { get; set; }
    public decimal Amount { get; set; }
}
