using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Persistence;

public sealed record UserState(string Id, IReadOnlyList<LicenseSku> Licenses, DialOutPermission DialOutPermission, string? OrganizerPin, string? AadObjectId = null);
