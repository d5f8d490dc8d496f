using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Newtonsoft.Json.Serialization;

namespace MeetingBot.Web.Bot.Connector;

/// <summary>
/// Gives every connector client the same JSON contract resolvers. Bot Builder creates a new ConnectorClient for
/// every turn, and each new client brings new resolvers, so Newtonsoft rebuilt the Activity contracts by
/// reflection and compiled property getters on every turn's first reply: measured here, ~12 ms of a ~14 ms turn.
/// Resolvers are thread-safe and immutable once built, so sharing them changes nothing but the cost.
/// The clients themselves are shared too, per bot, serviceUrl and audience (<see cref="ConnectorClientCache"/>).
/// </summary>
public sealed class SharedContractsConnectorFactory(ConnectorFactory inner, ConnectorClientCache clients, string? appId) : ConnectorFactory
{
    private static IContractResolver? _serialization;
    private static IContractResolver? _deserialization;

    public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default) =>
        clients.GetAsync(appId, serviceUrl, audience, () => CreateSharedAsync(serviceUrl, audience, cancellationToken));

    private async Task<IConnectorClient> CreateSharedAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        var client = await inner.CreateAsync(serviceUrl, audience, cancellationToken);
        if (client.SerializationSettings is { } ser)
            ser.ContractResolver = Interlocked.CompareExchange(ref _serialization, ser.ContractResolver, null) ?? ser.ContractResolver;
        if (client.DeserializationSettings is { } de)
            de.ContractResolver = Interlocked.CompareExchange(ref _deserialization, de.ContractResolver, null) ?? de.ContractResolver;
        return client;
    }
}
