using System.IO.Compression;
using System.Text.Json.Nodes;
using MeetingBot.ManifestPackager;

namespace MeetingBot.Manifest.Tests;

public sealed class AppPackageBuilderTests : IDisposable
{
    private const string BotId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301";

    private static readonly AppPackageSettings Settings = new(Guid.Parse(BotId), new Uri("https://meetingbot.contoso.example:8443/app/"));

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Build_CommittedManifest_ZipHoldsExactlyManifestAndIconsAtRoot()
    {
        var zipPath = _temp.File("app.zip");

        AppPackageBuilder.Build(RepoPaths.ManifestDirectory, Settings, zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Build_CommittedManifest_FillsInBotIdEverywhere()
    {
        var manifest = BuildAndReadManifest();

        Assert.Equal(BotId, manifest["id"]!.GetValue<string>());
        Assert.Equal(BotId, CommittedManifest.Bot(manifest)["botId"]!.GetValue<string>());
        Assert.Equal(BotId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(AppPackageBuilder.PlaceholderBotId, manifest.ToJsonString());
    }

    [Fact]
    public void Build_CommittedManifest_UsesConfiguredHostForDomainsAndUrls()
    {
        var manifest = BuildAndReadManifest();

        Assert.Equal(["meetingbot.contoso.example"], CommittedManifest.Strings(manifest["validDomains"]));
        Assert.Equal($"api://meetingbot.contoso.example/botid-{BotId}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.StartsWith("https://meetingbot.contoso.example:8443/", manifest["developer"]!["websiteUrl"]!.GetValue<string>());
        Assert.DoesNotContain(AppPackageBuilder.PlaceholderHostName, manifest.ToJsonString());
    }

    [Fact]
    public void Build_PackagedManifest_PassesOfficialSchema()
    {
        var zipPath = _temp.File("app.zip");
        AppPackageBuilder.Build(RepoPaths.ManifestDirectory, Settings, zipPath);
        var extracted = _temp.File("extracted");
        ZipFile.ExtractToDirectory(zipPath, extracted);

        var result = ManifestValidator.Validate(Path.Combine(extracted, "manifest.json"));

        Assert.True(result.ExitCode == 0, result.Output);
    }

    [Theory]
    [InlineData("color.png")]
    [InlineData("outline.png")]
    public void Build_Icons_AreCopiedUnchanged(string icon)
    {
        var zipPath = _temp.File("app.zip");
        AppPackageBuilder.Build(RepoPaths.ManifestDirectory, Settings, zipPath);

        using var zip = ZipFile.OpenRead(zipPath);
        using var entry = zip.GetEntry(icon)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);

        Assert.Equal(File.ReadAllBytes(Path.Combine(RepoPaths.ManifestDirectory, icon)), copy.ToArray());
    }

    [Fact]
    public void Build_SameInputsTwice_GivesIdenticalBytes()
    {
        AppPackageBuilder.Build(RepoPaths.ManifestDirectory, Settings, _temp.File("first.zip"));
        AppPackageBuilder.Build(RepoPaths.ManifestDirectory, Settings, _temp.File("second.zip"));

        Assert.Equal(File.ReadAllBytes(_temp.File("first.zip")), File.ReadAllBytes(_temp.File("second.zip")));
    }

    [Fact]
    public void Build_IconMissing_ThrowsAndWritesNoZip()
    {
        var manifestDir = _temp.File("manifest");
        Directory.CreateDirectory(manifestDir);
        File.Copy(RepoPaths.ManifestFile, Path.Combine(manifestDir, "manifest.json"));
        File.Copy(Path.Combine(RepoPaths.ManifestDirectory, "color.png"), Path.Combine(manifestDir, "color.png"));
        var zipPath = _temp.File("app.zip");

        var error = Assert.Throws<InvalidOperationException>(() => AppPackageBuilder.Build(manifestDir, Settings, zipPath));

        Assert.Contains("outline.png", error.Message);
        Assert.False(File.Exists(zipPath));
        Assert.False(File.Exists(zipPath + ".tmp"));
    }

    [Fact]
    public void IconFileNames_IconInSubfolder_Throws()
    {
        var manifest = CommittedManifest.Load();
        manifest["icons"]!["color"] = "icons/color.png";

        Assert.Throws<InvalidOperationException>(() => AppPackageBuilder.IconFileNames(manifest));
    }

    [Fact]
    public void FillIn_PlaceholderIdInUnfilledField_Throws()
    {
        var manifest = CommittedManifest.Load();
        manifest["description"]!["full"] = "Register bot " + AppPackageBuilder.PlaceholderBotId;

        Assert.Throws<InvalidOperationException>(() => AppPackageBuilder.FillIn(manifest, Settings));
    }

    private JsonObject BuildAndReadManifest()
    {
        var zipPath = _temp.File("app.zip");
        AppPackageBuilder.Build(RepoPaths.ManifestDirectory, Settings, zipPath);
        using var zip = ZipFile.OpenRead(zipPath);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return JsonNode.Parse(reader.ReadToEnd())!.AsObject();
    }
}
