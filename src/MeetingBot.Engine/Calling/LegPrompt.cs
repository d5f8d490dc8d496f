namespace MeetingBot.Engine.Calling;

/// <summary>A recorded announcement the simulated phone network played to the person on a leg.</summary>
public sealed record LegPrompt(DateTimeOffset At, string Text);
