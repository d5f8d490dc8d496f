namespace MeetingBot.Testing;

/// <summary>A conversation did not go as the test expected; the message says which step and what the bot said.</summary>
public sealed class DialogAssertionException(string message) : Exception(message);
