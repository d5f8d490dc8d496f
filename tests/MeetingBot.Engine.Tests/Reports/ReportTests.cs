using MeetingBot.Engine.Reports;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests.Reports;

public class ReportTests
{
    private const string T = EngineFixture.TenantId;

    [Fact]
    public void UsageReport_FiltersByHalfOpenRangeAndUser()
    {
        var f = new EngineFixture();
        var m = f.Schedule();
        var a = f.Engine.CallMe(T, "adele", m.Id, "4055550100").Unwrap();
        f.Jump(TimeSpan.FromMinutes(2));
        f.Engine.HangUp(T, "adele", a.Id).Unwrap();
        f.Clock.Advance(TimeSpan.FromHours(1));
        var l = f.Engine.CallMe(T, "lee", f.Schedule("lee").Id, "4055550101").Unwrap();
        f.Jump(TimeSpan.FromMinutes(1));
        f.Engine.HangUp(T, "lee", l.Id).Unwrap();

        var all = f.Engine.GetUsageReport(T, "nestor", EngineFixture.Start, EngineFixture.Start.AddDays(1)).Unwrap();
        var firstOnly = f.Engine.GetUsageReport(T, "nestor", EngineFixture.Start, l.ConnectedAt!.Value).Unwrap();
        var lees = f.Engine.GetUsageReport(T, "nestor", EngineFixture.Start, EngineFixture.Start.AddDays(1), "lee").Unwrap();

        Assert.Equal(2, all.Count);
        Assert.Equal("adele", Assert.Single(firstOnly).UserId);
        Assert.Equal("lee", Assert.Single(lees).UserId);
    }

    [Fact]
    public void UsageReport_BadRangeOrNonAdmin_IsRefused()
    {
        var f = new EngineFixture();

        Assert.Equal(EngineError.InvalidDateRange, f.Engine.GetUsageReport(T, "nestor", EngineFixture.Start, EngineFixture.Start).Error);
        Assert.Equal(EngineError.InvalidDateRange, f.Engine.GetUsageReport(T, "nestor", EngineFixture.Start, EngineFixture.Start.AddDays(400)).Error);
        Assert.Equal(EngineError.NotTenantAdmin, f.Engine.GetUsageReport(T, "adele", EngineFixture.Start, EngineFixture.Start.AddDays(1)).Error);
        Assert.Equal(EngineError.UnknownUser, f.Engine.GetUsageReport(T, "nestor", EngineFixture.Start, EngineFixture.Start.AddDays(1), "ghost").Error);
    }

    [Fact]
    public void UsageCsv_HasChosenColumns_AndEscapesValues()
    {
        var record = new UsageRecord(Guid.NewGuid(), "leg-1", T, "adele", "Vance, \"Adele\"", "adele@x", "conf_out",
            "+14056660187", "+14055550100", "US", EngineFixture.Start, 61, 0m, "USD", MeetingBot.Engine.Licensing.Capability.MCOMEETADD);

        var csv = UsageReportColumns.ToCsv([record], ["UserDisplayName", "CallType", "ToNumber", "DurationSeconds", "Capability"]);

        Assert.Equal("UserDisplayName,CallType,ToNumber,DurationSeconds,Capability\r\n\"Vance, \"\"Adele\"\"\",conf_out,+14055550100,61,MCOMEETADD\r\n", csv);
        Assert.Throws<ArgumentException>(() => UsageReportColumns.ToCsv([record], ["Nope"]));
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("+14055550100", "+14055550100")]
    [InlineData("Adele Vance", "Adele Vance")]
    public void UsageCsv_AValueThatWouldRunAsAFormula_IsPrefixed_PhoneNumbersAreNot(string displayName, string expected)
    {
        var record = new UsageRecord(Guid.NewGuid(), "leg-1", T, "adele", displayName, "adele@x", "conf_out",
            "+14056660187", "+14055550100", "US", EngineFixture.Start, 61, 0m, "USD", MeetingBot.Engine.Licensing.Capability.MCOMEETADD);

        var csv = UsageReportColumns.ToCsv([record], ["UserDisplayName", "ToNumber"]);

        Assert.Equal($"UserDisplayName,ToNumber\r\n{expected},+14055550100\r\n", csv);
    }

    [Fact]
    public void MinutePoolsReport_HasTheThreeCapabilities_AndHistory()
    {
        var f = new EngineFixture();

        var rows = f.Engine.GetMinutePoolsReport(T, "nestor", monthsOfHistory: 2).Unwrap();

        Assert.Equal(9, rows.Count);
        Assert.Equal(["MCOMEETADD", "MCOPSTN1", "MCOPSTN2"], rows.Select(r => r.Capability.ToString()).Distinct().Order().ToArray());
        Assert.Equal(EngineError.InvalidMonthsOfHistory, f.Engine.GetMinutePoolsReport(T, "nestor", 25).Error);
    }
}
