using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MeetingBot.Manifest.Tests;

public sealed partial class ManifestSchemaTests
{
    [Fact]
    public void Validate_CommittedManifest_PassesOfficialSchema()
    {
        var result = ManifestValidator.Validate(RepoPaths.ManifestFile);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("valid against the Teams v", result.StandardOutput);
    }

    [Fact]
    public void ManifestVersion_CommittedManifest_IsRecentAndMatchesSchemaUrl()
    {
        var manifest = CommittedManifest.Load();
        var version = manifest["manifestVersion"]!.GetValue<string>();
        var schemaUrl = manifest["$schema"]!.GetValue<string>();

        var parsed = Version.Parse(version);
        Assert.True(parsed >= new Version(1, 17), $"manifestVersion {version} is older than 1.17");
        Assert.Equal($"https://developer.microsoft.com/json-schemas/teams/v{version}/MicrosoftTeams.schema.json", schemaUrl);
    }

    [Fact]
    public void SchemaPackage_ManifestVersion_ShipsMatchingSchemaFile()
    {
        ManifestValidator.EnsureNodePackages();
        var version = CommittedManifest.Load()["manifestVersion"]!.GetValue<string>();

        var schemaFile = Path.Combine(ManifestValidator.SchemaDirectory, $"v{version}", "MicrosoftTeams.schema.json");

        Assert.True(File.Exists(schemaFile), $"@microsoft/app-manifest has no schema at {schemaFile}");
        var schema = JsonNode.Parse(File.ReadAllText(schemaFile))!;
        Assert.Equal(version, schema["properties"]!["manifestVersion"]!["const"]?.GetValue<string>()
            ?? schema["properties"]!["manifestVersion"]!["enum"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Validate_BotIdNotAGuid_Fails()
    {
        var result = ValidateBroken(m => CommittedManifest.Bot(m)["botId"] = "meetingbot");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("/bots/0/botId", result.StandardError);
    }

    [Fact]
    public void Validate_ElevenCommandsInOneList_Fails()
    {
        var result = ValidateBroken(m =>
        {
            var commands = CommittedManifest.Bot(m)["commandLists"]![0]!["commands"]!.AsArray();
            while (commands.Count < 11)
            {
                commands.Add(new JsonObject { ["title"] = $"extra {commands.Count}", ["description"] = "filler" });
            }
        });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("commands", result.StandardError);
    }

    [Fact]
    public void Validate_UnknownTopLevelProperty_Fails()
    {
        var result = ValidateBroken(m => m["meetingBotSettings"] = new JsonObject { ["dialOut"] = true });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("additional", result.StandardError);
    }

    [Fact]
    public void Validate_SchemaUrlOfAnotherVersion_Fails()
    {
        var result = ValidateBroken(m => m["$schema"] = VersionInUrl().Replace(m["$schema"]!.GetValue<string>(), "/v1.5/"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("$schema must end with", result.StandardError);
    }

    private static ProcessResult ValidateBroken(Action<JsonObject> breakIt)
    {
        var manifest = CommittedManifest.Load();
        breakIt(manifest);
        using var temp = new TempDirectory();
        var path = temp.File("manifest.json");
        File.WriteAllText(path, manifest.ToJsonString());
        return ManifestValidator.Validate(path);
    }

    [GeneratedRegex(@"/v[0-9.]+/")]
    private static partial Regex VersionInUrl();
}
