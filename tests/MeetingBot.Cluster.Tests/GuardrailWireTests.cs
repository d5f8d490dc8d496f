using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Tenancy;

using static MeetingBot.Cluster.Tests.Support.SiloWire;

namespace MeetingBot.Cluster.Tests;

/// <summary>Between hosts, the guardrails' answers travel as JSON with the silo's options (read-only properties ignored) and must arrive whole.</summary>
public sealed class GuardrailWireTests
{
    [Fact]
    public void DecidedApproval_RoundTrips_WithItsRefusal()
    {
        var at = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var approval = new DialOutApproval("apr-1", "contoso", "1", "adele", "Adele Vance", "lee", "Lee Gu", CallLegKind.CallMe, "+20227921234", "EG",
            0.24m, "USD", ApprovalReason.OutsideZoneA, at, at.AddMinutes(10), ApprovalStatus.Approved, at.AddMinutes(2), "lee", null, EngineError.DialOutBudgetSpent);

        var copy = RoundTrip(approval);

        Assert.Equal(approval, copy);
        Assert.False(copy.IsPending);
    }

    [Fact]
    public void GuardrailsAndBudgetStatus_RoundTrip()
    {
        var guardrails = new TollFraudGuardrails(new DialOutBudget(60, 5.50m), true, 0.10m, 15);
        var status = new UserBudgetStatus("adele", "Adele Vance", new DialOutBudget(3, null), true, new DateOnly(2026, 3, 1), 3, 0m);

        Assert.Equal(guardrails, RoundTrip(guardrails));
        var copy = RoundTrip(status);
        Assert.Equal(status, copy);
        Assert.True(copy.IsSpent);
    }
}
