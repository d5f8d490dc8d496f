namespace MeetingBot.SignalR.Benchmarks;

/// <summary>What the client harness reads from any push: the server's instant (the product's engine event <c>at</c>).</summary>
public sealed record ReceivedMessage(DateTimeOffset At);
