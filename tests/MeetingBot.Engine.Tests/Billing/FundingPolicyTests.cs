using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;

namespace MeetingBot.Engine.Tests.Billing;

/// <summary>Who pays a minute: organizer licenses × kind × destination zone × pool left × credits × auto-recharge.</summary>
public sealed class FundingPolicyTests
{
    private const decimal Rate = 0.24m;
    private static readonly AutoRechargeSettings RechargeOff = AutoRechargeSettings.Off;
    private static readonly AutoRechargeSettings Recharge10 = new(true, 2m, 10m);

    // Organizers by their licenses.
    private static readonly OrganizerFunding None = OrganizerFunding.Of([LicenseSku.Microsoft365BusinessPremium]);
    private static readonly OrganizerFunding Monthly = OrganizerFunding.Of([LicenseSku.Microsoft365BusinessPremium, LicenseSku.AudioConferencingMonthly]);
    private static readonly OrganizerFunding MonthlyCredits = OrganizerFunding.Of([LicenseSku.AudioConferencingMonthly, LicenseSku.CommunicationsCredits]);
    private static readonly OrganizerFunding E5Credits = OrganizerFunding.Of([LicenseSku.Office365E5, LicenseSku.CommunicationsCredits]);
    private static readonly OrganizerFunding PayPerMinute = OrganizerFunding.Of([LicenseSku.AudioConferencingPayPerMinute]);
    private static readonly OrganizerFunding PayPerMinuteCredits = OrganizerFunding.Of([LicenseSku.AudioConferencingPayPerMinute, LicenseSku.CommunicationsCredits]);
    private static readonly OrganizerFunding CreditsOnly = OrganizerFunding.Of([LicenseSku.CommunicationsCredits]);

    public static TheoryData<string, OrganizerFunding, CallLegKind, string, int, decimal, AutoRechargeSettings, FundingSource, EngineError?, bool> Table() => new()
    {
        // case, organizer, kind, region, pool left, balance, auto-recharge → source, refusal, recharge first
        { "no AC: no dial-out at all", None, CallLegKind.CallMe, "US", 120, 50m, Recharge10, FundingSource.Refused, EngineError.NoAudioConferencing, false },
        { "credits without AC: still no dial-out", CreditsOnly, CallLegKind.AddedParticipant, "US", 120, 50m, RechargeOff, FundingSource.Refused, EngineError.NoAudioConferencing, false },
        { "monthly AC, Zone A, pool left", Monthly, CallLegKind.CallMe, "US", 1, 0m, RechargeOff, FundingSource.Pool, null, false },
        { "E5 (AC in the suite) draws on the pool", E5Credits, CallLegKind.AddedParticipant, "GB", 60, 5m, RechargeOff, FundingSource.Pool, null, false },
        { "monthly AC, pool empty, no credits license", Monthly, CallLegKind.CallMe, "US", 0, 50m, RechargeOff, FundingSource.Refused, EngineError.CallingFeatureNotSetUp, false },
        { "monthly AC, pool empty, credits", MonthlyCredits, CallLegKind.CallMe, "US", 0, 1m, RechargeOff, FundingSource.Credits, null, false },
        { "monthly AC, outside Zone A: credits even with pool left", MonthlyCredits, CallLegKind.AddedParticipant, "TR", 120, 1m, RechargeOff, FundingSource.Credits, null, false },
        { "outside Zone A without credits license", Monthly, CallLegKind.CallMe, "TR", 120, 50m, RechargeOff, FundingSource.Refused, EngineError.CallingFeatureNotSetUp, false },
        { "credits short, no auto-recharge", MonthlyCredits, CallLegKind.CallMe, "TR", 0, 0.23m, RechargeOff, FundingSource.Refused, EngineError.CallingFeatureNotSetUp, false },
        { "credits exactly the rate", MonthlyCredits, CallLegKind.CallMe, "TR", 0, 0.24m, RechargeOff, FundingSource.Credits, null, false },
        { "credits short, auto-recharge tops up first", MonthlyCredits, CallLegKind.CallMe, "TR", 0, 0m, Recharge10, FundingSource.Credits, null, true },
        { "auto-recharge too small for the minute", MonthlyCredits, CallLegKind.CallMe, "TR", 0, 0m, new AutoRechargeSettings(true, 0m, 0.10m), FundingSource.Refused, EngineError.CallingFeatureNotSetUp, false },
        { "pay-per-minute never touches the pool", PayPerMinuteCredits, CallLegKind.CallMe, "US", 120, 1m, RechargeOff, FundingSource.Credits, null, false },
        { "pay-per-minute without credits license", PayPerMinute, CallLegKind.CallMe, "US", 120, 50m, RechargeOff, FundingSource.Refused, EngineError.CallingFeatureNotSetUp, false },
        { "toll dial-in is included in monthly AC", Monthly, CallLegKind.DialInToll, "US", 0, 0m, RechargeOff, FundingSource.IncludedInLicense, null, false },
        { "toll dial-in of a pay-per-minute organizer is charged", PayPerMinuteCredits, CallLegKind.DialInToll, "US", 120, 1m, RechargeOff, FundingSource.Credits, null, false },
        { "toll dial-in, pay-per-minute, no balance", PayPerMinuteCredits, CallLegKind.DialInToll, "US", 120, 0m, RechargeOff, FundingSource.Refused, EngineError.DialInNotAllowed, false },
        { "toll dial-in without AC", None, CallLegKind.DialInToll, "US", 120, 0m, RechargeOff, FundingSource.Refused, EngineError.DialInNotAllowed, false },
        { "toll-free dial-in needs credits", Monthly, CallLegKind.DialInTollFree, "US", 120, 50m, RechargeOff, FundingSource.Refused, EngineError.TollFreeUnavailable, false },
        { "toll-free dial-in with credits", MonthlyCredits, CallLegKind.DialInTollFree, "US", 120, 1m, RechargeOff, FundingSource.Credits, null, false },
        { "toll-free dial-in, empty balance, no recharge", MonthlyCredits, CallLegKind.DialInTollFree, "US", 120, 0m, RechargeOff, FundingSource.Refused, EngineError.TollFreeUnavailable, false },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_PicksThePayerOrTheRefusal(string @case, OrganizerFunding organizer, CallLegKind kind, string region, int poolLeft, decimal balance,
        AutoRechargeSettings autoRecharge, FundingSource source, EngineError? refusal, bool rechargeFirst)
    {
        var decision = FundingPolicy.Decide(new FundingQuestion(kind, region, organizer, poolLeft, balance, autoRecharge, Rate));

        Assert.True((source, refusal, rechargeFirst) == (decision.Source, decision.Refusal, decision.RechargeFirst), $"{@case}: got {decision}");
        var (capability, charge) = source switch
        {
            FundingSource.Credits => (Capability.MCOPSTNPP, Rate),
            FundingSource.Pool or FundingSource.IncludedInLicense => (Capability.MCOMEETADD, 0m),
            _ => (Capability.None, 0m),
        };
        Assert.Equal((capability, charge), (decision.Capability, decision.Charge));
    }
}
