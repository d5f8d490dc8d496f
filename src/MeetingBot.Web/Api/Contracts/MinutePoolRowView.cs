namespace MeetingBot.Web.Api.Contracts;

/// <param name="Month">yyyy-MM (UTC calendar month).</param>
public sealed record MinutePoolRowView(string Month, string Capability, string Description, int MinutesAvailable, int MinutesUsed, int MinutesLeft);
