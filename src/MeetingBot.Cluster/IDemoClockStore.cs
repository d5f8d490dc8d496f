namespace MeetingBot.Cluster;

/// <summary>Where the deployment's demo-clock offset is kept, so every host (and a restarted one) runs on the same demo time.</summary>
public interface IDemoClockStore
{
    /// <summary>The stored offset (zero when the clock was never moved).</summary>
    TimeSpan Read();

    /// <summary>Adds <paramref name="by"/> to the stored offset atomically and returns the new offset.</summary>
    TimeSpan Add(TimeSpan by);
}
