using MeetingBot.Storage.Tests.Support;

namespace MeetingBot.Storage.Tests;

/// <summary>Each SQLite connection runs with its dialect's durability and busy timeout, also when it comes from the pool.</summary>
public class SqliteSettingsTests
{
    [Fact]
    public void APooledConnection_HasTheSettingsOfTheDialectThatOpensIt()
    {
        using var store = TestStore.Create("sqlite");
        var normal = new SqliteDialect($"Data Source={store.SqlitePath}", SqliteSynchronous.Normal, TimeSpan.FromSeconds(2));
        var full = new SqliteDialect($"Data Source={store.SqlitePath}", SqliteSynchronous.Full, TimeSpan.FromSeconds(2));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal((1L, 2000L), Settings(normal));
            Assert.Equal((2L, 2000L), Settings(full));
        }
        Assert.Equal((1L, 2000L), Settings(normal));
    }

    private static (long Synchronous, long BusyTimeout) Settings(SqlDialect dialect)
    {
        using var c = dialect.Open();
        long Read(string pragma)
        {
            using var command = c.CreateCommand();
            command.CommandText = pragma;
            return (long)command.ExecuteScalar()!;
        }
        return (Read("PRAGMA synchronous"), Read("PRAGMA busy_timeout"));
    }
}
