using MeetingBot.ManifestPackager;

namespace MeetingBot.Manifest.Tests;

public sealed class PackagerOptionsTests
{
    [Fact]
    public void Parse_SpaceAndEqualsForms_ReadBothValues()
    {
        var options = PackagerOptions.Parse(["--bot-id", "abc", "--public-base-url=https://x.example", "--output", "out.zip"]);

        Assert.Equal("abc", options.BotId);
        Assert.Equal("https://x.example", options.PublicBaseUrl);
        Assert.Equal("out.zip", options.OutputPath);
        Assert.False(options.ShowHelp);
    }

    [Fact]
    public void Parse_UnknownOption_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => PackagerOptions.Parse(["--botid", "abc"]));

        Assert.Contains("--botid", error.Message);
    }

    [Fact]
    public void Parse_OptionWithoutValue_Throws()
    {
        Assert.Throws<ArgumentException>(() => PackagerOptions.Parse(["--bot-id"]));
    }

    [Fact]
    public void ResolveOutputPath_NoOutputOption_IsArtifactsZipUnderRoot()
    {
        var root = Path.GetFullPath("/repo");

        var output = new PackagerOptions().ResolveOutputPath(root);

        Assert.Equal(Path.Combine(root, "artifacts", "meetingbot-teams-app.zip"), output);
    }
}
