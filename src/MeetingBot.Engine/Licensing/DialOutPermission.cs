namespace MeetingBot.Engine.Licensing;

/// <summary>The three conferencing dial-out choices the Teams admin center shows per user.</summary>
public enum DialOutPermission
{
    AnyDestination,
    InSameCountryOrRegion,
    DontAllow,
}
