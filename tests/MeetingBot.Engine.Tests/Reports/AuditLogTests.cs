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
        f.Engine.SetDialOutPermission(T, "nestor", "megan", DialOutPermission.DontAllow).Unwrap();
        var m = f.Schedule();
        f.Engine.CallMe(T, "megan", m.Id, "4055550100");
        f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();

        var log = f.Engine.GetAuditLog(T, "nestor").Unwrap();

        Assert.Equal(
            ["dialout.callme:adele:ok", "dialout.callme:megan:CallingFeatureNotSetUp", "dialout.permission:nestor:ok", "credits.add:adele:NotTenantAdmin", "credits.add:nestor:ok"],
            log.Select(e => $"{e.Action}:{e.ActorId}:{e.Outcome}").ToArray());
        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.GetAuditLog(T, "adele").Error);
    }
}
