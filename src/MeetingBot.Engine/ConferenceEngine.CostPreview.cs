using System.Globalization;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Phone;

namespace MeetingBot.Engine;

public sealed partial class ConferenceEngine
{
    /// <summary>
    /// The cost of dialing <paramref name="input"/> from a meeting, before a minute is spent: the number as it would be
    /// dialed, its country and zone, who would pay the first minute (pool, credits at the rate, or refused with the
    /// reason) and the dial-out permission's verdict. Fails only when there is nothing to preview (unknown user or
    /// meeting, not a dialable number); every refusal a dial-out would meet is in <see cref="CostPreview.Refusal"/>.
    /// </summary>
    /// <param name="kind"><see cref="CallLegKind.CallMe"/> or <see cref="CallLegKind.AddedParticipant"/>.</param>
    public EngineResult<CostPreview> PreviewCost(string tenantId, string userId, string meetingId, string input, CallLegKind kind) =>
        InTenant<CostPreview>(tenantId, (tenant, raised) =>
        {
            if (kind is not (CallLegKind.CallMe or CallLegKind.AddedParticipant)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Only dial-outs have a cost preview.");
            var caller = FindUser(tenant, userId);
            if (!caller.IsSuccess) return caller.Error!.Value;
            var meeting = FindMeeting(tenant, meetingId);
            if (!meeting.IsSuccess) return meeting.Error!.Value;
            var m = meeting.Value!;
            var organizer = tenant.UsersById[m.OrganizerId];
            var number = PhoneNumberNormalizer.Normalize(input, organizer.Country);
            if (!number.IsSuccess) return number.Error!.Value;
            var destination = number.Value!;

            // Funds forfeited after a year are gone before any minute is priced, as metering does.
            ExpireCredits(tenant, raised);
            var funding = Funding(tenant, organizer, destination.RegionCode, kind, Now);
            var month = MonthOf(Now);
            var poolLeft = Math.Max(0, tenant.PoolMinutes(month, Capability.MCOMEETADD) - tenant.Used(month, Capability.MCOMEETADD));
            var policy = new DialOutPolicyVerdict(organizer.Id, organizer.DisplayName, organizer.DialOutPermission, PermissionRefusal(organizer, destination));

            // The order AuthorizeDialOut checks in, so the preview names the reason the call itself would meet.
            EngineError? refusal =
                m.IsEnded ? EngineError.MeetingEnded
                : !organizer.Has(Capability.MCOMEETADD) ? EngineError.NoAudioConferencing
                : kind == CallLegKind.AddedParticipant && !m.PresentFor(caller.Value!.Id).Any(p => p.InClient) ? EngineError.NotMeetingParticipant
                : kind == CallLegKind.CallMe && m.PresentFor(caller.Value!.Id).Any(p => p.PhoneLegId is not null) ? EngineError.PhoneLegAlreadyActive
                : policy.Refusal ?? funding.Refusal
                  ?? (BudgetAllows(tenant, caller.Value!.Id, funding.Source == FundingSource.Credits ? funding.Charge : 0m, Now) ? null : EngineError.DialOutBudgetSpent);

            return new CostPreview(destination, CountryName(destination.RegionCode), ZoneA.Contains(destination.RegionCode), kind,
                funding.Source, poolLeft, RateFor(tenant, destination.RegionCode, kind), tenant.Currency, funding.RechargeFirst,
                funding.Refusal, policy, refusal, refusal is null ? ApprovalReasonFor(tenant, organizer, caller.Value!, destination) : null);
        });

    /// <summary>The English name of an ISO 3166 region: Zone A's own names (as Microsoft lists them), else .NET's.</summary>
    public static string CountryName(string regionCode)
    {
        if (ZoneA.Regions.TryGetValue(regionCode, out var name)) return name;
        try
        {
            return new RegionInfo(regionCode).EnglishName;
        }
        catch (ArgumentException)
        {
            return regionCode; // a region .NET does not know (libphonenumber's "001" for global services)
        }
    }
}
