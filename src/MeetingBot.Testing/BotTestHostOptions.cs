using MeetingBot.Engine;
using Microsoft.Bot.Connector;

namespace MeetingBot.Testing;

/// <summary>How a <see cref="BotTestHost"/> is set up; the defaults are the demo in the Emulator, on a fake clock.</summary>
public sealed record BotTestHostOptions
{
    /// <summary>Monday 10 March 2025, 15:00 UTC: what the fake clock reads at the start.</summary>
    public static readonly DateTimeOffset DefaultStart = new(2025, 3, 10, 15, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Start { get; init; } = DefaultStart;
    /// <summary>The bot reads the demo clock over the fake one, so the chat's `fast forward N` works.</summary>
    public bool UseDemoClock { get; init; } = true;
    /// <summary>MeetingBot:LocalDevMode (the Emulator and test channels, `act as`).</summary>
    public bool LocalDevMode { get; init; } = true;
    public string ChannelId { get; init; } = Channels.Test;
    public string ConversationId { get; init; } = "bot-tests";
    /// <summary>Who speaks: on the Emulator and test channels a demo user's id picks that user, anything else is adele.</summary>
    public string UserId { get; init; } = "user1";
    public string UserName { get; init; } = "User";
    /// <summary>conversation.tenantId, what Teams sends as the organization.</summary>
    public string? AadTenantId { get; init; }
    /// <summary>The engine's options; phones answer at once by default.</summary>
    public EngineOptions Engine { get; init; } = new() { AutoAnswerAfter = TimeSpan.Zero };
    /// <summary>When set, the conversation is written to {directory}/{channel}/{conversation}.transcript as the host writes it.</summary>
    public string? TranscriptDirectory { get; init; }
}
