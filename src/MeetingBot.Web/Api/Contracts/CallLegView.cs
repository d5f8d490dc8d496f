namespace MeetingBot.Web.Api.Contracts;

/// <param name="Kind">CallMe, AddedParticipant, DialInToll or DialInTollFree.</param>
/// <param name="State">Ringing, Connected, CutOff or Ended.</param>
/// <param name="Funding">MCOMEETADD (pooled minutes), MCOPSTNPP (credits) or null before the first minute.</param>
/// <param name="Prompts">What the simulated phone network played to the person on the leg (e.g. a cut-off warning), oldest first.</param>
/// <param name="IsMuted">The phone muted itself with *6.</param>
/// <param name="AwaitingStayAnswer">The phone was asked to press 1 to stay (the tenant's Ask policy) and has not yet.</param>
public sealed record CallLegView(string Id, string MeetingId, string Kind, string State, string? RequestedByUserId, string FromNumber, string ToNumber,
    string ToDisplay, DateTimeOffset CreatedAt, DateTimeOffset? ConnectedAt, DateTimeOffset? EndedAt, int MinutesPaid, decimal ChargeSoFar,
    string? Funding, bool IsOrphaned, IReadOnlyList<LegPromptView>? Prompts = null, bool IsMuted = false, bool AwaitingStayAnswer = false);
