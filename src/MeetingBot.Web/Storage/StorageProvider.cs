namespace MeetingBot.Web.Storage;

public enum StorageProvider
{
    None,
    Sqlite,
    Postgres,
}
