namespace MeetingBot.Engine.Reports;

/// <summary>The usage report's columns, in the order Teams shows them.</summary>
public static class UsageReportColumns
{
    public static IReadOnlyList<string> All { get; } =
        ["UserDisplayName", "UserUpn", "CallType", "FromNumber", "ToNumber", "DestinationRegion", "DomesticOrInternational", "Start", "End", "DurationSeconds", "Charge", "Currency", "Capability", "CallId"];

    public static string Value(UsageRecord r, string column) => column switch
    {
        "UserDisplayName" => r.UserDisplayName,
        "UserUpn" => r.UserUpn,
        "CallType" => r.CallType,
        "FromNumber" => r.FromNumber,
        "ToNumber" => r.ToNumber,
        "DestinationRegion" => r.DestinationRegion,
        "DomesticOrInternational" => r.DomesticOrInternational,
        "Start" => r.Start.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        "End" => r.End.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
        "DurationSeconds" => r.DurationSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        "Charge" => r.Charge.ToString("0.00##", System.Globalization.CultureInfo.InvariantCulture),
        "Currency" => r.Currency,
        "Capability" => r.Capability.ToString(),
        "CallId" => r.CallId,
        _ => throw new ArgumentException($"Unknown column '{column}'. Known: {string.Join(", ", All)}.", nameof(column)),
    };

    /// <summary>RFC 4180 CSV with the chosen columns (all when none given).</summary>
    public static string ToCsv(IEnumerable<UsageRecord> records, IReadOnlyList<string>? columns = null)
    {
        var cols = columns is { Count: > 0 } ? columns : All;
        foreach (var c in cols)
            if (!All.Contains(c)) throw new ArgumentException($"Unknown column '{c}'. Known: {string.Join(", ", All)}.", nameof(columns));
        var sb = new System.Text.StringBuilder();
        sb.Append(string.Join(',', cols)).Append("\r\n");
        foreach (var r in records)
            sb.Append(string.Join(',', cols.Select(c => Escape(Value(r, c))))).Append("\r\n");
        return sb.ToString();
    }

    private static bool IsE164(string value) => value.Length > 1 && value[0] == '+' && value.AsSpan(1).IndexOfAnyExceptInRange('0', '9') < 0;

    private static string Escape(string value)
    {
        // A leading formula character would run as a formula in a spreadsheet: prefix it. Phone numbers in E.164
        // ("+" and digits only) are data a spreadsheet reads as a number, and stay as they are.
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]) && !IsE164(value)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }
}
