namespace MeetingBot.Storage;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels that make sense with WAL.</summary>
public enum SqliteSynchronous
{
    Normal,
    Full,
}
