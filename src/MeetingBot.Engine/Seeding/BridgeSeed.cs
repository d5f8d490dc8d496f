namespace MeetingBot.Engine.Seeding;

public sealed class BridgeSeed
{
    public string TollNumber { get; set; } = "";
    public string? TollFreeNumber { get; set; }
    public List<LocalNumberSeed> LocalNumbers { get; set; } = [];
}
