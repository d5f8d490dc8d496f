using System.Globalization;
using System.Reflection;

namespace MeetingBot.Storage;

/// <summary>
/// Applies the numbered scripts embedded under Migrations/ (001_*.sql, 002_*.sql, …) that the database has not
/// seen, in order, each in the same transaction as its <c>schema_version</c> row, at start-up. Scripts are
/// written once for both providers, with {placeholders} for the column types that differ. A released script is
/// never edited: a change is a new script.
/// </summary>
public static class SchemaMigrator
{
    public static IReadOnlyList<(int Version, string Name)> Scripts { get; } = typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => (Version: int.Parse(n["Migrations.".Length..].Split('_')[0], CultureInfo.InvariantCulture), Name: n))
        .OrderBy(s => s.Version)
        .ToList();

    /// <summary>Brings the database up to the newest version; returns the versions it applied.</summary>
    public static IReadOnlyList<int> Migrate(SqlDialect dialect)
    {
        using var connection = dialect.Open();
        dialect.Prepare(connection);
        using var tx = dialect.BeginWrite(connection);
        connection.Execute(tx, dialect.MigrationLock);
        connection.Execute(tx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)");
        var current = Convert.ToInt32(connection.Scalar(tx, "SELECT COALESCE(MAX(version), 0) FROM schema_version"), CultureInfo.InvariantCulture);
        var applied = new List<int>();
        foreach (var (version, name) in Scripts.Where(s => s.Version > current))
        {
            connection.Execute(tx, Render(Read(name), dialect));
            connection.Execute(tx, "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at)",
                ("version", version), ("at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture)));
            applied.Add(version);
        }
        tx.Commit();
        return applied;
    }

    private static string Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Migration {resource} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static string Render(string script, SqlDialect dialect) =>
        dialect.TypeNames.Aggregate(script, (sql, t) => sql.Replace("{" + t.Key + "}", t.Value, StringComparison.Ordinal));
}
