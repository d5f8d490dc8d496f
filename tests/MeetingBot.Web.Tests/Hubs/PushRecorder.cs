using System.Collections.Concurrent;
using MeetingBot.Web.Hubs;
using MeetingBot.Web.Hubs.Messages;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.Web.Tests.Hubs;

/// <summary>Records every push a connection receives, by client method name, and waits for the ones a test expects.</summary>
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
    }

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
