namespace MeetingBot.Web.Api.Contracts;

/// <param name="Permission">AnyDestination, InSameCountryOrRegion or DontAllow.</param>
public sealed record DialOutPermissionRequest(string? Permission);
