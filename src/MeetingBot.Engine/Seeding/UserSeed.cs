namespace MeetingBot.Engine.Seeding;

public sealed class UserSeed
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Upn { get; set; } = "";
    public string Country { get; set; } = "US";
    public List<string> Licenses { get; set; } = [];
    public string DialOut { get; set; } = "AnyDestination";
    public bool IsTenantAdmin { get; set; }
}
