namespace MeetingBot.Engine.Licensing;

/// <summary>Service capabilities a license grants, named by the short names Teams reports use.</summary>
[Flags]
public enum Capability
{
    None = 0,
    /// <summary>Teams meetings, peer-to-peer calls, computer audio.</summary>
    TeamsBase = 1,
    /// <summary>Audio Conferencing: dial-in number, conference ID, dial-out from meetings.</summary>
    MCOMEETADD = 2,
    /// <summary>Communications Credits: toll-free numbers, dial-out charged to the prepaid balance.</summary>
    MCOPSTNPP = 4,
    /// <summary>Domestic calling plan.</summary>
    MCOPSTN1 = 8,
    /// <summary>Domestic and international calling plan.</summary>
    MCOPSTN2 = 16,
}
