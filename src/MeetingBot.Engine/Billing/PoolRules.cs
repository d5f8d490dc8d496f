namespace MeetingBot.Engine.Billing;

/// <summary>
/// Pooled dial-out minutes per assigned monthly Audio Conferencing license, by period. The complimentary
/// period (900 minutes per user, Zone A) ended on 2019-11-30; from 2019-12-01 it is 60 minutes per user.
/// </summary>
public static class PoolRules
{
    private static readonly (DateOnly From, int MinutesPerLicense)[] Periods =
    [
        (DateOnly.MinValue, 900),
        (new DateOnly(2019, 12, 1), 60),
    ];

    public static int MinutesPerLicense(DateOnly month)
    {
        var minutes = Periods[0].MinutesPerLicense;
        foreach (var (from, perLicense) in Periods)
            if (month >= from) minutes = perLicense;
        return minutes;
    }
}
