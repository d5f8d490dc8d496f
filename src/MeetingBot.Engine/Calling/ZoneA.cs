namespace MeetingBot.Engine.Calling;

/// <summary>
/// The 44 Audio Conferencing Zone A countries and regions (Microsoft Learn, "Audio Conferencing Zone A
/// countries and regions"). Pooled dial-out minutes apply to these destinations only.
/// </summary>
public static class ZoneA
{
    public static IReadOnlyDictionary<string, string> Regions { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["AU"] = "Australia", ["AT"] = "Austria", ["BE"] = "Belgium", ["BR"] = "Brazil", ["BG"] = "Bulgaria",
        ["CA"] = "Canada", ["CN"] = "China", ["HR"] = "Croatia", ["CZ"] = "Czech Republic", ["DK"] = "Denmark",
        ["EE"] = "Estonia", ["FI"] = "Finland", ["FR"] = "France", ["DE"] = "Germany", ["GR"] = "Greece",
        ["HK"] = "Hong Kong SAR", ["HU"] = "Hungary", ["IN"] = "India", ["IE"] = "Ireland", ["IT"] = "Italy",
        ["JP"] = "Japan", ["LU"] = "Luxembourg", ["MY"] = "Malaysia", ["MX"] = "Mexico", ["NL"] = "Netherlands",
        ["NZ"] = "New Zealand", ["NO"] = "Norway", ["PL"] = "Poland", ["PT"] = "Portugal", ["PR"] = "Puerto Rico",
        ["RO"] = "Romania", ["RU"] = "Russia", ["SG"] = "Singapore", ["SK"] = "Slovak Republic", ["SI"] = "Slovenia",
        ["ZA"] = "South Africa", ["KR"] = "South Korea", ["ES"] = "Spain", ["SE"] = "Sweden", ["CH"] = "Switzerland",
        ["TW"] = "Taiwan", ["TH"] = "Thailand", ["GB"] = "United Kingdom", ["US"] = "United States",
    };

    public static bool Contains(string regionCode) => Regions.ContainsKey(regionCode);
}
