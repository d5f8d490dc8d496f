using System.Globalization;

namespace MeetingBot.Storage;

/// <summary>Named counters every host on the database shares (table <c>counters</c>): read, and added to atomically.</summary>
public sealed class SharedCounters(SqlDialect dialect)
{
    /// <summary>The counter's value, 0 when it was never added to.</summary>
    public long Read(string name)
    {
        using var c = dialect.Open();
        return Convert.ToInt64(c.Scalar(null, "SELECT value FROM counters WHERE name = @name", ("name", name)) ?? 0L, CultureInfo.InvariantCulture);
    }

    /// <summary>Adds <paramref name="by"/> and returns the new value; hosts adding at once each see their own sum.</summary>
    public long Add(string name, long by)
    {
        using var c = dialect.Open();
        using var tx = dialect.BeginWrite(c);
        c.Execute(tx, "INSERT INTO counters (name, value) VALUES (@name, 0) ON CONFLICT DO NOTHING", ("name", name));
        var value = Convert.ToInt64(c.Scalar(tx, "UPDATE counters SET value = value + @by WHERE name = @name RETURNING value", ("name", name), ("by", by)), CultureInfo.InvariantCulture);
        tx.Commit();
        return value;
    }
}
