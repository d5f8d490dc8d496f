namespace MeetingBot.Web.Chat;

/// <summary>The web client's own Bot Framework channel: its id, who the bot is in it, and its limits.</summary>
public static class WebChatChannel
{
    /// <summary>The <c>channelId</c> of every activity of this channel.</summary>
    public const string Id = "meetingbot-web";

    /// <summary>Replies never leave the process; the reference still needs an address, and this one names no host.</summary>
    public const string ServiceUrl = "urn:meetingbot-web";

    public const string HubPath = "/hubs/chat";

    public const string BotId = "meetingbot";
    public const string BotName = "MeetingBot";

    /// <summary>
    /// The largest activity a page may post, as JSON text: a typed command or a card submit is a few hundred characters.
    /// The hub accepts messages up to <see cref="MaxHubMessageBytes"/>, so anything between gets this clear refusal
    /// instead of a dropped connection.
    /// </summary>
    public const int MaxActivityChars = 16 * 1024;

    public const long MaxHubMessageBytes = 64 * 1024;

    /// <summary>How many activities one page of history holds at most.</summary>
    public const int MaxPage = 100;

    /// <summary>In a meeting chat people talk to each other; the bot answers card buttons and messages that start with this.</summary>
    public const string Mention = "@MeetingBot";
}
