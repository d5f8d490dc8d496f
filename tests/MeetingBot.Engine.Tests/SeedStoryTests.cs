using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests;

/// <summary>The field report's own story, minute by minute, on a fake clock.</summary>
public class SeedStoryTests
{
    private const string T = EngineFixture.TenantId;

    private static int Pool(EngineFixture f, string what) =>
        f.Engine.GetMinutePoolsReport(T, "nestor").Value!.Single(r => r.Capability == Capability.MCOMEETADD) is var r
            ? what == "available" ? r.MinutesAvailable : r.MinutesUsed
            : 0;

    [Fact]
    public void TheSeedStory_PoolRunsOut_HardCutOff_CreditsRescue_PhoneLegOutlivesClient_FundsExpire()
    {
        // One licensed organizer: 60 pooled minutes.
        var f = new EngineFixture(s => s.Users.Single(u => u.Id == "lee").Licenses.Remove("AudioConferencingMonthly"));
        Assert.Equal(60, Pool(f, "available"));
        var m = f.Schedule("adele");

        // Calls that add up to the pool: "Call me" for 25 minutes, an added participant for 15...
        var first = f.Engine.CallMe(T, "adele", m.Id, "405 555 0100").Unwrap();
        f.Run(TimeSpan.FromMinutes(25));
        f.Engine.HangUp(T, "adele", first.Id).Unwrap();
        var added = f.Engine.AddParticipantByPhone(T, "adele", m.Id, "405 555 0111").Unwrap();
        f.Run(TimeSpan.FromMinutes(15));
        f.Engine.PhoneHangsUp(added.Id).Unwrap();
        Assert.Equal(40, Pool(f, "used"));

        // ...and the call in progress is cut off hard at the 20-minute mark.
        var third = f.Engine.CallMe(T, "adele", m.Id, "405 555 0100").Unwrap();
        f.Run(TimeSpan.FromMinutes(30));
        Assert.Equal(CallLegState.CutOff, third.State);
        Assert.Equal(TimeSpan.FromMinutes(20), third.EndedAt - third.ConnectedAt);
        Assert.Equal(60, Pool(f, "used"));

        // Every later dial-out gets the exact Teams error, "Call me" and "Add participant" alike.
        Assert.Equal("You are not set up to use this calling feature. Please contact your IT administrator.", f.Engine.CallMe(T, "adele", m.Id, "405 555 0100").Message);
        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, f.Engine.AddParticipantByPhone(T, "adele", m.Id, "405 555 0111").Message);

        // Communications Credits license + $5: dial-out works again and is charged per minute under MCOPSTNPP.
        f.Engine.AssignLicense(T, "nestor", "adele", LicenseSku.CommunicationsCredits).Unwrap();
        f.Engine.AddFunds(T, "nestor", 5.00m).Unwrap();
        var rescued = f.Engine.CallMe(T, "adele", m.Id, "405 555 0100").Unwrap();

        // The user leaves the client after a minute but the phone stays up five: five minutes are billed.
        f.Run(TimeSpan.FromMinutes(1));
        f.Engine.LeaveMeeting(T, "adele", m.Id).Unwrap();
        f.Run(TimeSpan.FromMinutes(4));
        f.Engine.PhoneHangsUp(rescued.Id).Unwrap();
        var record = f.Engine.AllUsage(T).Single(r => r.CallId == rescued.Id);
        Assert.Equal((300, Capability.MCOPSTNPP, 5 * 0.02m, "conf_out", "+14056660187"), (record.DurationSeconds, record.Capability, record.Charge, record.CallType, record.FromNumber));
        Assert.All(f.Engine.AllUsage(T).Where(r => r.CallId != rescued.Id), r => Assert.Equal((0m, Capability.MCOMEETADD), (r.Charge, r.Capability)));
        Assert.Equal(4.90m, f.Engine.GetCreditBalance(T).Value);

        // Funds unused a year after purchase are forfeited.
        f.Clock.Advance(TimeSpan.FromDays(366));
        f.Engine.Tick();
        Assert.Equal(0m, f.Engine.GetCreditBalance(T).Value);
        Assert.Equal(-4.90m, f.Engine.GetTenant(T).Value!.Credits.Ledger.Single(l => l.Kind == CreditTransactionKind.Forfeiture).Amount);
    }

    [Fact]
    public void UsageRecords_KnowDomesticFromInternational_AndFilterByCallType()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        var m = f.Schedule("lee");
        var home = f.Engine.CallMe(T, "lee", m.Id, "405 555 0100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(2));
        f.Engine.HangUp(T, "lee", home.Id).Unwrap();
        f.Engine.JoinMeeting(T, "lee", m.Id, AudioMode.ComputerAudio).Unwrap();
        var abroad = f.Engine.AddParticipantByPhone(T, "lee", m.Id, "+44 20 7946 0000").Unwrap();
        f.Jump(TimeSpan.FromMinutes(1));
        f.Engine.PhoneHangsUp(abroad.Id).Unwrap();

        var records = f.Engine.GetUsageReport(T, "nestor", EngineFixture.Start, EngineFixture.Start.AddDays(1), callType: "conf_out").Unwrap();

        Assert.Equal(["Domestic", "International"], records.OrderBy(r => r.Start).Select(r => r.DomesticOrInternational).ToArray());
        Assert.Equal(records[0].Start.AddSeconds(records[0].DurationSeconds), records[0].End);
        Assert.Empty(f.Engine.GetUsageReport(T, "nestor", EngineFixture.Start, EngineFixture.Start.AddDays(1), callType: "conf_in").Unwrap());
        Assert.Equal(EngineError.InvalidCallType, f.Engine.GetUsageReport(T, "nestor", EngineFixture.Start, EngineFixture.Start.AddDays(1), callType: "sms").Error);
    }
}
