namespace MeetingBot.Web.Composition;

/// <summary>Section "MeetingBot" of appsettings.json.</summary>
public sealed class MeetingBotOptions
{
    public const string Section = "MeetingBot";

    /// <summary>Explicit local mode: no Bot Framework auth (Emulator) and a dev sign-in for the web client.</summary>
    public bool LocalDevMode { get; set; }
    /// <summary>Redis connection string for the SignalR backplane; empty for a single host.</summary>
    public string Redis { get; set; } = "";

    /// <summary>How long one engine event may hold the push queue (see EngineEventDispatcher).</summary>
    public TimeSpan EventSubscriberTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// From how many of this host's connections in one meeting a meeting event is written to the meeting's group
    /// shards on parallel threads (see HubGroups.MeetingShardCount); below it, one thread writes them all, which
    /// is cheaper than the thread hops for a few people.
    /// </summary>
    public int ParallelFanOutFromConnections { get; set; } = 256;
}
