using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Billing;

/// <summary>Who pays one minute of a call leg.</summary>
public enum FundingSource
{
    /// <summary>Nobody can: the leg is refused or cut off with <see cref="FundingDecision.Refusal"/>.</summary>
    Refused,
    /// <summary>A toll dial-in minute in a meeting whose organizer holds a per-user Audio Conferencing license: $0, MCOMEETADD.</summary>
    IncludedInLicense,
    /// <summary>The tenant's pooled dial-out minutes: $0, MCOMEETADD.</summary>
    Pool,
    /// <summary>Communications Credits at the per-minute rate: MCOPSTNPP.</summary>
    Credits,
}

/// <summary>What the organizer's licenses allow, as far as paying for minutes goes.</summary>
/// <param name="HasAudioConferencing">Any Audio Conferencing license (monthly, in a suite, or pay-per-minute).</param>
/// <param name="HasPooledAudioConferencing">A per-user Audio Conferencing license whose meetings draw on the pool (not pay-per-minute).</param>
/// <param name="HasCommunicationsCredits">The Communications Credits license (MCOPSTNPP).</param>
public readonly record struct OrganizerFunding(bool HasAudioConferencing, bool HasPooledAudioConferencing, bool HasCommunicationsCredits)
{
    public static OrganizerFunding Of(IEnumerable<LicenseSku> licenses)
    {
        bool ac = false, pooled = false, credits = false;
        foreach (var sku in licenses)
        {
            var info = SkuCatalog.Get(sku);
            ac |= info.Capabilities.HasFlag(Capability.MCOMEETADD);
            pooled |= info.Capabilities.HasFlag(Capability.MCOMEETADD) && info.AddsPooledDialOutMinutes;
            credits |= info.Capabilities.HasFlag(Capability.MCOPSTNPP);
        }
        return new(ac, pooled, credits);
    }
}

/// <param name="Kind">The leg's kind.</param>
/// <param name="Region">The dialed destination (dial-out) or the caller's region (dial-in), ISO 3166 alpha-2.</param>
/// <param name="Organizer">The meeting organizer's licenses: every minute of a meeting is billed to its organizer.</param>
/// <param name="PoolMinutesLeft">Pooled minutes left this month (size minus used).</param>
/// <param name="CreditBalance">Communications Credits that can be spent now.</param>
/// <param name="AutoRecharge">The tenant's auto-recharge settings.</param>
/// <param name="Rate">This minute's price on credits.</param>
public readonly record struct FundingQuestion(
    CallLegKind Kind, string Region, OrganizerFunding Organizer, int PoolMinutesLeft, decimal CreditBalance, AutoRechargeSettings AutoRecharge, decimal Rate);

/// <param name="RechargeFirst">Credits pay, but only after an auto-recharge (the balance alone is short).</param>
public readonly record struct FundingDecision(FundingSource Source, Capability Capability, decimal Charge, bool RechargeFirst, EngineError? Refusal)
{
    public bool IsFunded => Source != FundingSource.Refused;

    internal static FundingDecision Refuse(EngineError error) => new(FundingSource.Refused, Capability.None, 0m, false, error);
}

/// <summary>
/// The one home of "who pays this minute, and why". Dial-out authorization, metering, dial-in admission and the
/// cost preview all ask it; the journal only stores what it decided.
/// <list type="number">
/// <item>Without an Audio Conferencing license the organizer's meetings have no dial-in and no dial-out.</item>
/// <item>A toll dial-in minute is included in a per-user Audio Conferencing license.</item>
/// <item>A dial-out minute to a Zone A destination comes from the tenant's pool while the month has minutes left
/// and the organizer's license is a per-user one: the pooled minutes "only apply to monthly subscription licenses
/// and not the pay-per-minute license".</item>
/// <item>Everything else is paid per minute from Communications Credits, which needs the organizer's MCOPSTNPP
/// license and a balance that covers the minute (an auto-recharge may top it up first): dial-out past the pool
/// or outside Zone A, toll-free dial-in, and every minute of a pay-per-minute organizer's meetings (Microsoft
/// Learn, "Audio Conferencing pay-per-minute": all dial-in and dial-out calls are charged per minute and need
/// Communications Credits).</item>
/// </list>
/// </summary>
public static class FundingPolicy
{
    public static FundingDecision Decide(in FundingQuestion q)
    {
        var refusal = RefusalFor(q.Kind);
        if (!q.Organizer.HasAudioConferencing) return FundingDecision.Refuse(q.Kind.IsDialOut() ? EngineError.NoAudioConferencing : refusal);
        if (q.Kind == CallLegKind.DialInToll && q.Organizer.HasPooledAudioConferencing)
            return new(FundingSource.IncludedInLicense, Capability.MCOMEETADD, 0m, false, null);
        if (q.Kind.IsDialOut() && q.Organizer.HasPooledAudioConferencing && ZoneA.Contains(q.Region) && q.PoolMinutesLeft > 0)
            return new(FundingSource.Pool, Capability.MCOMEETADD, 0m, false, null);
        if (!q.Organizer.HasCommunicationsCredits) return FundingDecision.Refuse(refusal);
        if (q.CreditBalance >= q.Rate) return new(FundingSource.Credits, Capability.MCOPSTNPP, q.Rate, false, null);
        return CanRecharge(q.CreditBalance, q.AutoRecharge, q.Rate)
            ? new(FundingSource.Credits, Capability.MCOPSTNPP, q.Rate, true, null)
            : FundingDecision.Refuse(refusal);
    }

    /// <summary>Whether an auto-recharge would lift <paramref name="balance"/> to cover <paramref name="rate"/>.</summary>
    public static bool CanRecharge(decimal balance, AutoRechargeSettings autoRecharge, decimal rate) =>
        autoRecharge.Enabled && balance + autoRecharge.Amount >= rate;

    private static EngineError RefusalFor(CallLegKind kind) => kind switch
    {
        CallLegKind.DialInTollFree => EngineError.TollFreeUnavailable,
        CallLegKind.DialInToll => EngineError.DialInNotAllowed,
        _ => EngineError.CallingFeatureNotSetUp,
    };

    private static bool IsDialOut(this CallLegKind kind) => kind is CallLegKind.CallMe or CallLegKind.AddedParticipant;
}
