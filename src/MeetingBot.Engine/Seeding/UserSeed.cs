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
    /// <summary>The person's Microsoft Entra object id (Teams sends it as <c>from.aadObjectId</c>); optional, admins can map it later.</summary>
    public string? AadObjectId { get; set; }
}
