using System.Globalization;
using System.Text.Json;
using MeetingBot.Web.Bot;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Chat;

/// <summary>
/// What a page may say in a posted activity: a message's text or a card's submitted values, its locale and local time,
/// and Web Chat's own id for the echo (<c>channelData.clientActivityID</c>). Everything else — id, from, recipient,
/// conversation, channel — is the host's to set, so whatever the page wrote there is ignored.
/// </summary>
public sealed class PostedActivity
{
    public const string NotAnObject = "The activity must be a JSON object.";
    public const string OnlyMessages = "The chat accepts only activities of type \"message\".";
    public const string Empty = "A message needs text or a card's submitted values.";
    public const string NoAttachments = "This chat does not take attachments: type a command, or press a card's button.";
    public const string BadText = "The activity's text must be a string.";
    public const string BadValue = "The activity's value (a card's submitted values) must be a JSON object.";

    public static string TooLarge(int chars) =>
        $"The activity is {chars.ToString("N0", CultureInfo.InvariantCulture)} characters of JSON; the chat accepts at most {WebChatChannel.MaxActivityChars.ToString("N0", CultureInfo.InvariantCulture)}.";

    private PostedActivity(string? text, JObject? value, string? locale, DateTimeOffset? localTimestamp, string? clientActivityId)
    {
        Text = text;
        Value = value;
        Locale = locale;
        LocalTimestamp = localTimestamp;
        ClientActivityId = clientActivityId;
    }

    public string? Text { get; }
    public JObject? Value { get; }
    public string? Locale { get; }
    public DateTimeOffset? LocalTimestamp { get; }
    public string? ClientActivityId { get; }

    /// <summary>In a meeting chat: a card's button, or a message that starts with <see cref="WebChatChannel.Mention"/>.</summary>
    public bool AddressesBot => Value is not null || (Text?.TrimStart().StartsWith(WebChatChannel.Mention, StringComparison.OrdinalIgnoreCase) ?? false);

    public string? TextWithoutMention => Text?.TrimStart() is { } t && t.StartsWith(WebChatChannel.Mention, StringComparison.OrdinalIgnoreCase)
        ? t[WebChatChannel.Mention.Length..].Trim() : Text;

    /// <summary>The activity the page posted, or the reason it is refused (in words the page shows).</summary>
    public static (PostedActivity? Activity, string? Problem) Read(JsonElement posted)
    {
        if (posted.ValueKind != JsonValueKind.Object) return (null, NotAnObject);
        var raw = posted.GetRawText();
        if (raw.Length > WebChatChannel.MaxActivityChars) return (null, TooLarge(raw.Length));
        if (String(posted, "type") != ActivityTypes.Message) return (null, OnlyMessages);
        if (posted.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array && attachments.GetArrayLength() > 0)
            return (null, NoAttachments);
        string? text = null;
        if (posted.TryGetProperty("text", out var textElement) && textElement.ValueKind != JsonValueKind.Null)
        {
            if (textElement.ValueKind != JsonValueKind.String) return (null, BadText);
            text = textElement.GetString();
        }
        JObject? value = null;
        if (posted.TryGetProperty("value", out var valueElement) && valueElement.ValueKind != JsonValueKind.Null)
        {
            if (valueElement.ValueKind != JsonValueKind.Object) return (null, BadValue);
            value = JObject.Parse(valueElement.GetRawText());
        }
        if (string.IsNullOrWhiteSpace(text) && value is null) return (null, Empty);
        var locale = String(posted, "locale") is { Length: > 0 and <= 20 } l ? l : null;
        DateTimeOffset? localTimestamp = String(posted, "localTimestamp") is { } stamp
            && DateTimeOffset.TryParse(stamp, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed : null;
        var clientId = posted.TryGetProperty("channelData", out var channelData) && channelData.ValueKind == JsonValueKind.Object
            && String(channelData, "clientActivityID") is { Length: > 0 and <= 100 } id && id.All(c => c is > ' ' and <= '~') ? id : null;
        return (new PostedActivity(text, value, locale, localTimestamp, clientId), null);
    }

    /// <summary>The activity as stored, shown and given to the bot: the sender is the signed-in user, nobody else.</summary>
    public Activity ToActivity(ChatIdentity identity, string displayName, ConversationAccount conversation, ChannelAccount bot, string id, DateTimeOffset now)
    {
        var channelData = new JObject();
        if (ClientActivityId is not null) channelData["clientActivityID"] = ClientActivityId;
        // As the Emulator and Web Chat mark a card's Action.Submit.
        if (Value is not null) channelData["postBack"] = true;
        return new Activity(ActivityTypes.Message)
        {
            Id = id,
            ChannelId = WebChatChannel.Id,
            ServiceUrl = WebChatChannel.ServiceUrl,
            Timestamp = now,
            LocalTimestamp = LocalTimestamp,
            Locale = Locale,
            From = new ChannelAccount(identity.UserId, displayName, RoleTypes.User),
            Recipient = bot,
            Conversation = conversation,
            Text = Text,
            Value = Value,
            ChannelData = channelData,
        };
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
