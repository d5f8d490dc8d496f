namespace MeetingBot.Cluster;

public enum ClusterProvider
{
    /// <summary>One silo in this process on 127.0.0.1 (the embedded default).</summary>
    Localhost,
    /// <summary>Orleans Redis clustering: every host pointing at the same Redis forms one cluster.</summary>
    Redis,
}

/// <summary>The co-hosted Orleans silo (section MeetingBot:Cluster). Validated at start-up.</summary>
public sealed class MeetingBotClusterOptions
{
    public const string Section = "MeetingBot:Cluster";

    public ClusterProvider Provider { get; set; } = ClusterProvider.Localhost;
    public string ClusterId { get; set; } = "meetingbot";
    /// <summary>Silo-to-silo port; 0 picks a free one at start-up (test hosts running side by side).</summary>
    public int SiloPort { get; set; } = 11111;
    /// <summary>Client gateway port; 0 picks a free one at start-up.</summary>
    public int GatewayPort { get; set; } = 30000;
    /// <summary>The address other silos reach this one at; loopback by default (the only traffic these machines allow).</summary>
    public string AdvertisedAddress { get; set; } = "127.0.0.1";
    /// <summary>Redis for clustering; empty means the SignalR backplane's (MeetingBot:Redis).</summary>
    public string? Redis { get; set; }
    /// <summary>How often each tenant grain advances its engine (answers, minutes, reminders). Zero: only when asked (tests).</summary>
    public TimeSpan TickInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>
    /// How often each host makes sure every configured tenant is active somewhere: at start-up (live legs restored
    /// from the journal are metered on) and after a host died (its tenants come back on a survivor). Zero: off.
    /// </summary>
    public TimeSpan KeepActiveInterval { get; set; } = TimeSpan.FromSeconds(2);
    /// <summary>How long a request waits for a moving tenant before it answers "try again".</summary>
    public TimeSpan RetryBudget { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Membership probes: a dead host is declared after NumMissedProbes × ProbeTimeout (docs/scale-out.md).</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(1);
    public int NumMissedProbes { get; set; } = 2;
    /// <summary>
    /// How many grain locations (which host a tenant is active on) each host remembers; zero remembers none. Orleans'
    /// own default, a million, allocates its whole table at start (9.3 MB); a deployment has as many grains as tenants.
    /// </summary>
    public int GrainLocationCacheSize { get; set; } = 10_000;

    public void Validate()
    {
        if (SiloPort is < 0 or > 65535 || GatewayPort is < 0 or > 65535 || (SiloPort == GatewayPort && SiloPort != 0))
            throw new InvalidOperationException($"{Section}: SiloPort and GatewayPort must be two different ports 1-65535 (or 0 for any free port).");
        if (!System.Net.IPAddress.TryParse(AdvertisedAddress, out _))
            throw new InvalidOperationException($"{Section}:AdvertisedAddress '{AdvertisedAddress}' is not an IP address.");
        if (TickInterval < TimeSpan.Zero || KeepActiveInterval < TimeSpan.Zero || RetryBudget <= TimeSpan.Zero || ProbeTimeout <= TimeSpan.Zero || NumMissedProbes < 1)
            throw new InvalidOperationException($"{Section}: TickInterval must not be negative; RetryBudget, ProbeTimeout and NumMissedProbes must be positive.");
        if (GrainLocationCacheSize is < 0 or > 10_000_000)
            throw new InvalidOperationException($"{Section}:GrainLocationCacheSize must be from 0 (no cache) to 10,000,000 entries.");
    }
}
