using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Reports;

/// <summary>
/// A row of the "PSTN and SMS usage" report. One per paid segment of a leg: a call that ran out of pooled
/// minutes and went on on credits yields two rows with the same <see cref="CallId"/>.
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
    Capability Capability)
{
    public const string ConferenceDialOut = "conf_out";
    public const string ConferenceDialIn = "conf_in";
}
