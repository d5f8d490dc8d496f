using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Reports;

/// <summary>A row of the "PSTN minute pools" report for one capability and one calendar month (UTC).</summary>
public sealed record MinutePoolRow(DateOnly Month, Capability Capability, string Description, int MinutesAvailable, int MinutesUsed)
{
    public int MinutesLeft => Math.Max(0, MinutesAvailable - MinutesUsed);
}
