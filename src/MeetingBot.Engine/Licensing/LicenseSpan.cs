namespace MeetingBot.Engine.Licensing;

/// <summary>
/// One license held by one user over time: assigned at <see cref="From"/>, unassigned at <see cref="To"/> (null while
/// still assigned). Pool sizes of past months are computed from these spans, never from today's assignments.
/// </summary>
public sealed record LicenseSpan(LicenseSku Sku, DateTimeOffset From, DateTimeOffset? To)
{
    /// <summary>Whether the license was assigned at some instant in [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => From < end && (To is null || To > start);
}
