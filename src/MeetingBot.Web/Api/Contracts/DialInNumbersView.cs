namespace MeetingBot.Web.Api.Contracts;

/// <summary>"Find a local number": the tenant's bridge numbers, as E.164 and as people read them.</summary>
/// <param name="TollFreeNumber">Null when the tenant has no toll-free number; it works only for organizers with Communications Credits.</param>
public sealed record DialInNumbersView(string TenantId, string TenantName, string TollNumber, string TollNumberDisplay,
    string? TollFreeNumber, string? TollFreeNumberDisplay, IReadOnlyList<LocalNumberView> LocalNumbers);
