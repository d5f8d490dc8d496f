using System.Globalization;
using MeetingBot.Engine.Licensing;

namespace MeetingBot.Storage;

/// <summary>The stored form of a user's license history: "Sku|from|to;…", instants in ISO 8601 UTC, "to" empty while assigned.</summary>
public static class LicenseHistoryText
{
    public static string? Format(IReadOnlyList<LicenseSpan>? history) =>
        history is null ? null : string.Join(';', history.Select(s => $"{s.Sku}|{Instant(s.From)}|{(s.To is { } to ? Instant(to) : "")}"));

    /// <summary>Reads what <see cref="Format"/> wrote; null for a row stored before histories were kept.</summary>
    public static IReadOnlyList<LicenseSpan>? Parse(string? text)
    {
        if (text is null) return null;
        var spans = new List<LicenseSpan>();
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = entry.Split('|');
            if (parts.Length != 3 || !Enum.TryParse<LicenseSku>(parts[0], out var sku))
                throw new FormatException($"A stored license history entry is malformed: '{entry}'.");
            spans.Add(new LicenseSpan(sku, ParseInstant(parts[1]), parts[2].Length == 0 ? null : ParseInstant(parts[2])));
        }
        return spans;
    }

    private static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
