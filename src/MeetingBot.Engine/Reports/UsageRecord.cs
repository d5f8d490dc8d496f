using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Reports;

/// <summary>
/// A row of the "PSTN and SMS usage" report. One per paid segment of a leg: a call that ran out of pooled
/// minutes and went on on credits yields two rows with the same <see cref="CallId"/> — the first with
/// capability MCOMEETADD and no charge, the second MCOPSTNPP with its charge — so each row's capability and
/// charge agree, as in the seed's report. Call types follow the Teams report: conf_out for dial-out from a
/// meeting, conf_in for dial-in to the bridge.
/// </summary>
public sealed record UsageRecord(
    Guid Id,
    string CallId,
    string TenantId,
    string UserId,
    string UserDisplayName,
    string UserUpn,
    string CallType,
    string FromNumber,
    string ToNumber,
    string DestinationRegion,
    DateTimeOffset Start,
    int DurationSeconds,
    decimal Charge,
    string Currency,
    Capability Capability,
    string UserCountry = "")
{
    /// <summary>Exclusive end of the paid segment.</summary>
    public DateTimeOffset End => Start.AddSeconds(DurationSeconds);

    /// <summary>Domestic when the other end is in the user's usage location (unknown location counts as domestic).</summary>
    public bool IsDomestic => UserCountry.Length == 0 || string.Equals(UserCountry, DestinationRegion, StringComparison.OrdinalIgnoreCase);

    public string DomesticOrInternational => IsDomestic ? "Domestic" : "International";

    public const string ConferenceDialOut = "conf_out";
    public const string ConferenceDialIn = "conf_in";
}
