using System.Collections.Concurrent;
using System.Reflection;
using MeetingBot.Web.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace MeetingBot.Testing;

/// <summary>
/// The SignalR hub as the host's <see cref="SignalREventSubscriber"/> sees it, recording every push instead of
/// sending it: which groups or users would hear it, the client method (the wire name) and the message.
/// </summary>
public sealed class RecordingHubContext : IHubContext<MeetingHub, IMeetingClient>
{
    private readonly ConcurrentQueue<Push> _pushes = new();

    public RecordingHubContext() => Clients = new Audiences(this);

    /// <summary>Every push so far, in order.</summary>
    public IReadOnlyList<Push> Pushes => _pushes.ToList();

    public IHubClients<IMeetingClient> Clients { get; }

    /// <summary>Groups are joined by connections, and there are none here.</summary>
    public IGroupManager Groups => throw new NotSupportedException("The recording hub has no connections to add to groups.");

    private IMeetingClient To(params string[] audience)
    {
        var client = DispatchProxy.Create<IMeetingClient, Recorder>();
        ((Recorder)(object)client).Bind(this, audience);
        return client;
    }

    private sealed class Audiences(RecordingHubContext hub) : IHubClients<IMeetingClient>
    {
        public IMeetingClient All => hub.To("all");
        public IMeetingClient AllExcept(IReadOnlyList<string> excludedConnectionIds) => hub.To("all");
        public IMeetingClient Client(string connectionId) => hub.To("connection:" + connectionId);
        public IMeetingClient Clients(IReadOnlyList<string> connectionIds) => hub.To([.. connectionIds.Select(c => "connection:" + c)]);
        public IMeetingClient Group(string groupName) => hub.To(groupName);
        public IMeetingClient GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => hub.To(groupName);
        public IMeetingClient Groups(IReadOnlyList<string> groupNames) => hub.To([.. groupNames]);
        public IMeetingClient User(string userId) => hub.To("signed-in:" + userId);
        public IMeetingClient Users(IReadOnlyList<string> userIds) => hub.To([.. userIds.Select(u => "signed-in:" + u)]);
    }

    /// <summary>The client proxy: each IMeetingClient call becomes one recorded push.</summary>
    public class Recorder : DispatchProxy
    {
        private RecordingHubContext? _hub;
        private IReadOnlyList<string> _audience = [];

        internal void Bind(RecordingHubContext hub, IReadOnlyList<string> audience)
        {
            _hub = hub;
            _audience = audience;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _hub!._pushes.Enqueue(new Push(_audience, targetMethod!.Name, args![0]!));
            return Task.CompletedTask;
        }
    }
}
