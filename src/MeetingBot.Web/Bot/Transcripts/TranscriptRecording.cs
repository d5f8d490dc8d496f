using Microsoft.Bot.Builder;

namespace MeetingBot.Web.Bot.Transcripts;

/// <summary>
/// MeetingBot:Transcripts:Directory: when set, every conversation the adapter sees is written as a
/// <c>{Directory}/{channelId}/{conversationId}.transcript</c> file, the Bot Framework Emulator's format (a JSON array of
/// activities), by Bot Builder's own <see cref="TranscriptLoggerMiddleware"/> and <see cref="FileTranscriptLogger"/>
/// (see <see cref="TranscriptMiddleware"/> and <see cref="OrderedTranscriptLogger"/> for the order they are written in).
/// Off (empty) by default: a transcript holds everything people typed.
/// </summary>
public static class TranscriptRecording
{
    public const string DirectoryKey = "MeetingBot:Transcripts:Directory";

    public static string? DirectoryFrom(IConfiguration configuration) =>
        configuration[DirectoryKey] is { Length: > 0 } directory ? Path.GetFullPath(directory) : null;

    /// <summary>Registers the middleware when the setting is on; the adapter picks it up with <see cref="UseTranscripts"/>.</summary>
    public static IServiceCollection AddTranscriptRecording(this IServiceCollection services, IConfiguration configuration)
    {
        if (DirectoryFrom(configuration) is not { } directory) return services;
        // unitTestMode false: a restarted host appends to a conversation's file instead of starting it over.
        services.AddSingleton(sp => new OrderedTranscriptLogger(new FileTranscriptLogger(directory, unitTestMode: false),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TranscriptRecording))));
        services.AddSingleton(sp => new TranscriptMiddleware(sp.GetRequiredService<OrderedTranscriptLogger>()));
        return services;
    }

    /// <summary>Adds the transcript middleware to <paramref name="adapter"/> when it is registered.</summary>
    public static TAdapter UseTranscripts<TAdapter>(this TAdapter adapter, IServiceProvider services) where TAdapter : BotAdapter
    {
        if (services.GetService<TranscriptMiddleware>() is { } middleware) adapter.Use(middleware);
        return adapter;
    }
}
