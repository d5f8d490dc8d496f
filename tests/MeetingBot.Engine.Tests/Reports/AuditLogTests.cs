using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Reports;

public class AuditLogTests
{
    private const string T = EngineFixture.TenantId;

    [Fact]
    public void AdminActionsAndDialOuts_AreAudited_IncludingRefusals()
    {
        var f = new EngineFixture();
        f.Engine.AddFunds(T, "nestor", 5m).Unwrap();
        f.Engine.AddFunds(T, "adele", 5m);
        f.Engine.SetDialOutPermission(T, "nestor", "lee", DialOutPermission.DontAllow).Unwrap();
        f.Engine.CallMe(T, "megan", f.Schedule("lee").Id, "4055550100"); // the organizer's permission refuses it
        f.Engine.CallMe(T, "adele", f.Schedule().Id, "4055550100").Unwrap();

        var log = f.Engine.GetAuditLog(T, "nestor").Unwrap();

        Assert.Equal(
            ["dialout.callme:adele:ok", "dialout.callme:megan:CallingFeatureNotSetUp", "dialout.permission:nestor:ok", "credits.add:adele:NotTenantAdmin", "credits.add:nestor:ok"],
            log.Select(e => $"{e.Action}:{e.ActorId}:{e.Outcome}").ToArray());
        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.GetAuditLog(T, "adele").Error);
        // A refusal still says which number was dialed; only a number that is none says so.
        Assert.EndsWith(" +14055550100", log.Single(e => e.Outcome == nameof(EngineError.CallingFeatureNotSetUp)).Target);
        f.Engine.CallMe(T, "adele", f.Schedule().Id, "12");
        Assert.EndsWith(" (not a valid number)", f.Engine.GetAuditLog(T, "nestor").Unwrap()[0].Target);
    }
}
