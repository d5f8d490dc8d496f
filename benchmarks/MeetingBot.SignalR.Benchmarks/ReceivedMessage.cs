namespace MeetingBot.SignalR.Benchmarks;

/// <summary>What the client harness reads from any push: the server's instant (the product's engine event <c>at</c>).</summary>
public sealed record ReceivedMessage(DateTimeOffset At);

/// <summary>A push that carries several events (the product's <c>MeetingEvents</c>): each is one delivery.</summary>
public sealed record ReceivedBatch(IReadOnlyList<ReceivedBatchItem> Events);

public sealed record ReceivedBatchItem(string Method, ReceivedMessage Payload);
