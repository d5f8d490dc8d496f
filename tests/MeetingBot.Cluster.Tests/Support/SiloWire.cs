using System.Text.Json;

namespace MeetingBot.Cluster.Tests.Support;

/// <summary>Engine values as they travel between hosts: JSON with the silo's options (ClusterRegistration: read-only properties ignored).</summary>
public static class SiloWire
{
    private static readonly JsonSerializerOptions SiloJson = new() { IgnoreReadOnlyProperties = true };

    public static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, SiloJson), SiloJson)!;
}
