using MeetingBot.Engine.Persistence;
using MeetingBot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingBot.Web.Storage;

public static class StorageRegistration
{
    /// <summary>
    /// Registers the engine's journal and the bot's state store for the configured provider. Call after the bot
    /// is registered: the durable <see cref="IStorage"/> replaces the in-memory one. Provider None registers
    /// nothing, so the engine keeps everything in memory.
    /// </summary>
    public static IServiceCollection AddMeetingBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (options.Provider == StorageProvider.None) return services;

        services.AddSingleton<SqlDialect>(_ => options.Provider switch
        {
            StorageProvider.Sqlite => new SqliteDialect(options.Sqlite, options.SqliteSynchronous, options.SqliteBusyTimeout),
            StorageProvider.Postgres => new PostgresDialect(options.Postgres),
            _ => throw new InvalidOperationException($"Unknown storage provider '{options.Provider}'."),
        });
        // The journal migrates the schema when it is created, before the engine loads its tenants.
        services.AddSingleton<SqlEngineJournal>(sp => new SqlEngineJournal(sp.GetRequiredService<SqlDialect>()));
        services.AddSingleton<IEngineJournal>(sp => sp.GetRequiredService<SqlEngineJournal>());
        services.AddSingleton(sp => new ConversationStateStore(sp.GetRequiredService<SqlEngineJournal>().Dialect));
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddHostedService(sp => new StateRetention(sp.GetRequiredService<ConversationStateStore>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>(), sp.GetRequiredService<ILogger<StateRetention>>(),
            sp.GetRequiredService<ChatActivityStore>()));
        services.AddSingleton<MeetingBot.Cluster.IDemoClockStore>(sp => new SqlDemoClockStore(new SharedCounters(sp.GetRequiredService<SqlEngineJournal>().Dialect)));
        services.Replace(ServiceDescriptor.Singleton<IStorage, SqlBotStorage>());
        services.AddSingleton(sp => new ChatActivityStore(sp.GetRequiredService<SqlEngineJournal>().Dialect));
        services.Replace(ServiceDescriptor.Singleton<MeetingBot.Web.Chat.IChatHistory, MeetingBot.Web.Chat.SqlChatHistory>());
        return services;
    }
}
