namespace MeetingBot.Cluster;

/// <summary>Names this host process: machine and process id, as operators see it in `ps` and logs.</summary>
public static class HostIdentity
{
    public static string Current { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";
}
