using PhoneNumbers;

namespace MeetingBot.Engine.Phone;

/// <summary>
/// Turns what a person types into an E.164 number, defaulting to a country (Teams uses the organizer's),
/// and refuses numbers a meeting must not dial: invalid, emergency, premium-rate and shared-cost.
/// </summary>
public static class PhoneNumberNormalizer
{
    private const int MaxInputLength = 40;
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();
    private static readonly ShortNumberInfo ShortNumbers = ShortNumberInfo.GetInstance();

    public static EngineResult<PhoneNumber> Normalize(string? input, string defaultRegion)
    {
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
            return EngineError.InvalidPhoneNumber;
        var text = input.Trim();
        var region = string.IsNullOrWhiteSpace(defaultRegion) ? "US" : defaultRegion.ToUpperInvariant();

        if (ShortNumbers.IsEmergencyNumber(DigitsOnly(text), region))
            return EngineError.EmergencyNumber;

        PhoneNumbers.PhoneNumber parsed;
        try
        {
            parsed = Util.Parse(text, region);
        }
        catch (NumberParseException)
        {
            return EngineError.InvalidPhoneNumber;
        }

        if (!Util.IsValidNumber(parsed))
            return EngineError.InvalidPhoneNumber;
        // Dropping "ext 12" without a word would call the switchboard instead of the person.
        if (parsed.HasExtension && parsed.Extension.Length > 0)
            return EngineError.PhoneExtensionNotDialable;

        var type = Util.GetNumberType(parsed);
        if (type is PhoneNumberType.PREMIUM_RATE or PhoneNumberType.SHARED_COST or PhoneNumberType.UAN or PhoneNumberType.VOICEMAIL)
            return EngineError.PremiumOrSpecialNumber;

        var regionCode = Util.GetRegionCodeForNumber(parsed) ?? region;
        return EngineResult<PhoneNumber>.Ok(new PhoneNumber(Util.Format(parsed, PhoneNumberFormat.E164), regionCode));
    }

    /// <summary>International format for display, e.g. "+1 405-666-0187".</summary>
    public static string Display(string e164)
    {
        try
        {
            return Util.Format(Util.Parse(e164, "US"), PhoneNumberFormat.INTERNATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    private static string DigitsOnly(string text) => new(text.Where(char.IsDigit).ToArray());
}
