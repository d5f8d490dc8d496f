namespace MeetingBot.SignalR.Benchmarks;

/// <summary>The baseline's payload: a sequence and the server instant, as small as a push can be and still be timed.</summary>
public sealed record BareMessage(long Seq, DateTimeOffset At);
