namespace MeetingBot.Web.Api;

/// <summary>Parses enum values by name only: "1" or "7" must not slip through as a valid permission.</summary>
public static class EnumNames
{
    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        value = default;
        var t = text?.Trim();
        return !string.IsNullOrEmpty(t) && !char.IsAsciiDigit(t[0]) && t[0] != '-'
            && Enum.TryParse(t, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    public static string List<T>() where T : struct, Enum => string.Join(", ", Enum.GetNames<T>());
}
