namespace MeetingBot.Engine.Tenancy;

/// <summary>A tenant's audio conferencing bridge: the default toll number, an optional toll-free number, local numbers.</summary>
public sealed record ConferenceBridge(string TollNumber, string? TollFreeNumber, IReadOnlyList<LocalDialInNumber> LocalNumbers);
