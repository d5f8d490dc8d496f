using System.Collections.Concurrent;
using Microsoft.Bot.Connector;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace MeetingBot.Web.Bot.Connector;

/// <summary>
/// The connector clients turns share: one per bot (app id), serviceUrl and audience, kept for <see cref="Lifetime"/>.
/// Bot Builder asks for a new ConnectorClient on every turn, and making one cost more than the rest of the turn's
/// reply: its constructor builds regular expressions to clean its user-agent entries and takes locks on shared
/// headers (a CPU profile of 32 concurrent turns: ~15 % of the host's CPU; docs/benchmarks.md §3). A client is safe to
/// share — each call builds its own request, and credentials cache their own token — which is what Bot Builder's
/// older BotFrameworkAdapter did. After <see cref="Lifetime"/> (the HTTP client factory's handler lifetime) a fresh
/// client is made, so a long-lived client never pins an old connection handler; at most <see cref="MaxClients"/>
/// are kept, since serviceUrl comes from the activity.
/// </summary>
public sealed class ConnectorClientCache(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    public const int MaxClients = 256;

    private readonly ConcurrentDictionary<(string? AppId, string ServiceUrl, string? Audience), Entry> _clients = new();

    public int Count => _clients.Count;

    /// <summary>The shared client for this key, made by <paramref name="create"/> when there is none or it is too old.</summary>
    public async Task<IConnectorClient> GetAsync(string? appId, string serviceUrl, string? audience, Func<Task<IConnectorClient>> create)
    {
        var key = (appId, serviceUrl, audience);
        var now = time.GetUtcNow();
        if (_clients.TryGetValue(key, out var entry) && now - entry.Made < Lifetime) return new SharedConnectorClient(entry.Client);
        var client = await create();
        if (_clients.Count >= MaxClients) _clients.Clear();
        // Turns still using an older client keep it; it is simply no longer handed out.
        _clients[key] = new Entry(client, now);
        return new SharedConnectorClient(client);
    }

    private sealed record Entry(IConnectorClient Client, DateTimeOffset Made);

    /// <summary>What one turn gets: the shared client, which the turn's dispose must not close.</summary>
    private sealed class SharedConnectorClient(IConnectorClient shared) : IConnectorClient
    {
        /// <summary>Fixed: moving the shared client would send every other turn's replies elsewhere too.</summary>
        public Uri BaseUri
        {
            get => shared.BaseUri;
            set => throw new InvalidOperationException("This connector client is shared by concurrent turns; its serviceUrl cannot change. Ask the connector factory for a client for the other serviceUrl.");
        }
        public JsonSerializerSettings SerializationSettings => shared.SerializationSettings;
        public JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;
        public ServiceClientCredentials Credentials => shared.Credentials;
        public IAttachments Attachments => shared.Attachments;
        public IConversations Conversations => shared.Conversations;

        public void Dispose()
        {
            // Shared by other turns: left open.
        }
    }
}
