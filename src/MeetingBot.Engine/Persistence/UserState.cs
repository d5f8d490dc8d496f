using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Persistence;

/// <param name="LicenseHistory">Every license the user holds or held, with its dates; null when stored before dates were kept.</param>
public sealed record UserState(string Id, IReadOnlyList<LicenseSku> Licenses, DialOutPermission DialOutPermission, string? OrganizerPin, string? AadObjectId = null,
    IReadOnlyList<LicenseSpan>? LicenseHistory = null);
