namespace MeetingBot.Engine.Seeding;

public sealed class LocalNumberSeed
{
    public string Country { get; set; } = "";
    public string City { get; set; } = "";
    public string Number { get; set; } = "";
}
