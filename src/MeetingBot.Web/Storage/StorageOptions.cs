using MeetingBot.Storage;

namespace MeetingBot.Web.Storage;

/// <summary>"MeetingBot:Storage": where the engine's state and the bot's state are kept.</summary>
public sealed class StorageOptions
{
    public const string Section = "MeetingBot:Storage";

    /// <summary>Sqlite (default, one host), Postgres (several hosts sharing one database) or None (in memory, lost on restart).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite connection string. A relative file name is resolved against the current directory (where the host was started).</summary>
    public string Sqlite { get; set; } = "Data Source=meetingbot.db";

    /// <summary>SQLite durability: Full survives power loss; Normal survives a process crash and is faster (see docs/storage.md).</summary>
    public SqliteSynchronous SqliteSynchronous { get; set; } = SqliteSynchronous.Full;

    /// <summary>
    /// How long a SQLite write waits for a database another process holds locked before it gives up: the request then
    /// answers "try again" (503 from the API, a sentence in chat) with nothing written, instead of hanging.
    /// </summary>
    public TimeSpan SqliteBusyTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Npgsql connection string, required when <see cref="Provider"/> is Postgres.</summary>
    public string Postgres { get; set; } = "";

    /// <summary>Bot state (conversation and user state, conversation references) unused this long is deleted; zero keeps it forever.</summary>
    public TimeSpan StateRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Web chat history (the chat pane's activities) older than this is deleted; zero keeps it forever.</summary>
    public TimeSpan ChatRetention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How often each host looks for bot state past <see cref="StateRetention"/> and chat history past <see cref="ChatRetention"/>.</summary>
    public TimeSpan StateRetentionCheckEvery { get; set; } = TimeSpan.FromHours(1);
}
