namespace MeetingBot.Web.Api.Contracts;

/// <summary>
/// A number as the meeting would dial it and what the first minute would cost, before anything is dialed.
/// </summary>
/// <param name="Country">The destination's English name, e.g. "United Kingdom".</param>
/// <param name="Payer"><c>Pool</c>, <c>Credits</c> or <c>Refused</c> (who would pay the first minute).</param>
/// <param name="PayerText">The same in words, as the bot's card says it ("the tenant's pooled minutes (118 min left this month)").</param>
/// <param name="RatePerMinute">The destination's price per minute on credits (exact), whoever pays.</param>
/// <param name="RateText">That price as Teams shows money ("$0.24").</param>
/// <param name="Refusal">The EngineError name a dial-out would be refused with now; null when it would dial.</param>
/// <param name="Message">That refusal's words, exactly as the call would say them.</param>
/// <param name="NeedsApproval"><c>OutsideZoneA</c> or <c>AboveRate</c> when the toll-fraud guardrails would hold the call for the organizer's approval; else null.</param>
/// <param name="ApprovalText">The same in the bot card's words.</param>
public sealed record PhonePreviewView(string E164, string Display, string RegionCode, string Country, bool IsZoneA,
    string Payer, string PayerText, decimal RatePerMinute, string RateText, string Currency,
    int PoolMinutesLeft, bool RechargeFirst, DialOutPolicyView DialOutPolicy, bool WouldDial,
    string? Refusal, string? Message, string? NeedsApproval = null, string? ApprovalText = null);
