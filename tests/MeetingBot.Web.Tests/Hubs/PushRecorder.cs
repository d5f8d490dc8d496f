using System.Collections.Concurrent;
using System.Text.Json;
using MeetingBot.Web.Hubs;
using MeetingBot.Web.Hubs.Messages;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.Web.Tests.Hubs;

/// <summary>
/// Records every push a connection receives, by client method name, and waits for the ones a test expects. A
/// <c>MeetingEvents</c> message is unpacked into its events, in order, as the web client does.
/// </summary>
public sealed class PushRecorder
{
    private readonly ConcurrentQueue<(string Method, object Message)> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    public PushRecorder(HubConnection connection)
    {
        Listen<CallingFeatureUnavailableMessage>(connection, nameof(IMeetingClient.CallingFeatureUnavailable));
        Listen<HangUpReminderMessage>(connection, nameof(IMeetingClient.HangUpReminder));
        Listen<CallLegStateChangedMessage>(connection, nameof(IMeetingClient.CallLegStateChanged));
        Listen<ParticipantJoinedMessage>(connection, nameof(IMeetingClient.ParticipantJoined));
        Listen<ParticipantLeftMessage>(connection, nameof(IMeetingClient.ParticipantLeft));
        Listen<MeetingEndedMessage>(connection, nameof(IMeetingClient.MeetingEnded));
        Listen<PoolLowMessage>(connection, nameof(IMeetingClient.PoolLow));
        Listen<CreditsChangedMessage>(connection, nameof(IMeetingClient.CreditsChanged));
        Listen<OrphanedLegEndedMessage>(connection, nameof(IMeetingClient.OrphanedLegEnded));
        Listen<AddedPhoneStillConnectedMessage>(connection, nameof(IMeetingClient.AddedPhoneStillConnected));
        Listen<CutOffWarningMessage>(connection, nameof(IMeetingClient.CutOffWarning));
        Listen<DialOutApprovalRequestedMessage>(connection, nameof(IMeetingClient.DialOutApprovalRequested));
        Listen<DialOutApprovalDecidedMessage>(connection, nameof(IMeetingClient.DialOutApprovalDecided));
        connection.On<BatchWire>(nameof(IMeetingClient.MeetingEvents), batch =>
        {
            Interlocked.Increment(ref _batches);
            foreach (var e in batch.Events)
            {
                var type = RosterTypes.TryGetValue(e.Method, out var t) ? t : throw new InvalidOperationException($"MeetingEvents carried an unknown method '{e.Method}'.");
                _received.Enqueue((e.Method, e.Payload.Deserialize(type, Json)!));
            }
            _arrived.Release();
        });
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Dictionary<string, Type> RosterTypes = new()
    {
        [nameof(IMeetingClient.ParticipantJoined)] = typeof(ParticipantJoinedMessage),
        [nameof(IMeetingClient.ParticipantLeft)] = typeof(ParticipantLeftMessage),
        [nameof(IMeetingClient.MeetingEnded)] = typeof(MeetingEndedMessage),
    };

    private int _batches;

    /// <summary>How many <c>MeetingEvents</c> messages (several events in one) arrived.</summary>
    public int Batches => Volatile.Read(ref _batches);

    private sealed record BatchWire(string MeetingId, List<BatchItemWire> Events);

    private sealed record BatchItemWire(string Method, JsonElement Payload);

    public IReadOnlyList<T> All<T>() => _received.Select(r => r.Message).OfType<T>().ToList();

    /// <summary>Every message received so far, in the order the connection handed them over.</summary>
    public IReadOnlyList<object> Received() => _received.Select(r => r.Message).ToList();

    /// <summary>The first received message of type <typeparamref name="T"/> matching <paramref name="match"/>; fails after the timeout.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool>? match = null, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = All<T>().Where(m => match?.Invoke(m) ?? true).ToList();
            if (found.Count >= count) return found[count - 1];
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
                throw new TimeoutException($"Expected {count} {typeof(T).Name}; received: {string.Join(", ", _received.Select(r => r.Method))}.");
            await _arrived.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }

    private void Listen<T>(HubConnection connection, string method) =>
        connection.On<T>(method, message =>
        {
            _received.Enqueue((method, message!));
            _arrived.Release();
        });
}
