namespace MeetingBot.Web.Api.Contracts;

/// <param name="Rows">One object per usage record, keyed by the chosen column names; values formatted as in the CSV.</param>
public sealed record UsageReportView(DateTimeOffset From, DateTimeOffset To, string? UserId, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyDictionary<string, string>> Rows);
