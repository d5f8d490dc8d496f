namespace MeetingBot.Web.Api.Contracts;

/// <param name="Prompt">What the bridge says next, or why it hung up.</param>
/// <param name="Error">Set when the last keys were refused (the call may go on: see Stage).</param>
public sealed record DialInSessionView(string Id, string Stage, string Prompt, string? MeetingId, string? LegId, string? Error, string? Message);
