using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Phone;
using MeetingBot.Engine.Snapshots;

using static MeetingBot.Cluster.Tests.Support.SiloWire;

namespace MeetingBot.Cluster.Tests;

/// <summary>
/// Between hosts, engine values travel as JSON with the silo's options (ClusterRegistration: read-only properties
/// ignored): a cost preview and a leg's prompts must arrive whole.
/// </summary>
public sealed class CostPreviewWireTests
{
    [Fact]
    public void CostPreview_RoundTrips_WithItsPolicyVerdictAndRefusal()
    {
        var preview = new CostPreview(new PhoneNumber("+442079460000", "GB"), "United Kingdom", true, CallLegKind.AddedParticipant,
            FundingSource.Credits, 0, 0.024m, "USD", true, null,
            new DialOutPolicyVerdict("adele", "Adele Vance", DialOutPermission.InSameCountryOrRegion, EngineError.DestinationNotAllowed),
            EngineError.DestinationNotAllowed);

        var copy = RoundTrip(preview);

        Assert.Equal(preview, copy);
        Assert.False(copy.WouldDial);
        Assert.False(copy.Policy.Allows);
    }

    [Fact]
    public void CallLegSnapshot_RoundTrips_WithThePromptsItsPhoneHeard()
    {
        var at = new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);
        var leg = new CallLegSnapshot("leg-1", "contoso", "1", "p1", CallLegKind.CallMe, "adele", "adele", "+14056660187", "+14055550100", "US",
            at, CallLegState.Connected, at, null, 2, false, null, Capability.MCOMEETADD, 0m, [new LegPrompt(at.AddMinutes(1), EngineMessages.CutOffWarning(5))]);

        var copy = RoundTrip(leg);

        Assert.Equal(leg.Prompts, copy.Prompts);
        Assert.Equal(EngineMessages.CutOffWarning(5), Assert.Single(copy.Prompts!).Text);
    }
}
