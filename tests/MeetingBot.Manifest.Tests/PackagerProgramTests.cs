using System.IO.Compression;
using System.Text.Json.Nodes;

namespace MeetingBot.Manifest.Tests;

/// <summary>Runs the packager as the documented command does, in its own process, so the environment
/// variables each test sets cannot leak into other tests.</summary>
public sealed class PackagerProgramTests : IDisposable
{
    private const string AppSettingsBotId = "11111111-2222-3333-4444-555555555555";
    private const string EnvironmentBotId = "66666666-7777-8888-9999-aaaaaaaaaaaa";
    private const string ArgumentBotId = "bbbbbbbb-cccc-dddd-eeee-ffffffffffff";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Main_AppSettingsValues_WritesZipWithThem()
    {
        var result = RunPackager(WriteAppSettings(AppSettingsBotId, "https://from-settings.example"));

        Assert.True(result.ExitCode == 0, result.Output);
        var manifest = ReadZippedManifest();
        Assert.Equal(AppSettingsBotId, CommittedManifest.Bot(manifest)["botId"]!.GetValue<string>());
        Assert.Equal(["from-settings.example"], CommittedManifest.Strings(manifest["validDomains"]));
    }

    [Fact]
    public void Main_EnvironmentVariables_OverrideAppSettings()
    {
        var result = RunPackager(
            WriteAppSettings(AppSettingsBotId, "https://from-settings.example"),
            environment: new Dictionary<string, string?>
            {
                ["MicrosoftAppId"] = EnvironmentBotId,
                ["MeetingBot__PublicBaseUrl"] = "https://from-environment.example",
            });

        Assert.True(result.ExitCode == 0, result.Output);
        var manifest = ReadZippedManifest();
        Assert.Equal(EnvironmentBotId, manifest["id"]!.GetValue<string>());
        Assert.Equal(["from-environment.example"], CommittedManifest.Strings(manifest["validDomains"]));
    }

    [Fact]
    public void Main_Arguments_OverrideEnvironment()
    {
        var result = RunPackager(
            WriteAppSettings(AppSettingsBotId, "https://from-settings.example"),
            ["--bot-id", ArgumentBotId, "--public-base-url", "https://from-arguments.example"],
            new Dictionary<string, string?> { ["MicrosoftAppId"] = EnvironmentBotId });

        Assert.True(result.ExitCode == 0, result.Output);
        var manifest = ReadZippedManifest();
        Assert.Equal(ArgumentBotId, manifest["id"]!.GetValue<string>());
        Assert.Equal(["from-arguments.example"], CommittedManifest.Strings(manifest["validDomains"]));
    }

    [Fact]
    public void Main_BotIdMissingEverywhere_ExitsOneAndExplains()
    {
        var result = RunPackager(WriteAppSettings(string.Empty, "https://from-settings.example"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("MicrosoftAppId is empty", result.StandardError);
        Assert.False(File.Exists(_temp.File("app.zip")));
    }

    [Fact]
    public void Main_UnknownOption_ExitsTwo()
    {
        var result = RunPackager(WriteAppSettings(AppSettingsBotId, "https://from-settings.example"), ["--botid", ArgumentBotId]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Unknown option", result.StandardError);
    }

    private string WriteAppSettings(string botId, string publicBaseUrl)
    {
        var path = _temp.File("appsettings.json");
        var json = new JsonObject
        {
            ["MicrosoftAppId"] = botId,
            ["MeetingBot"] = new JsonObject { ["PublicBaseUrl"] = publicBaseUrl },
        };
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    private ProcessResult RunPackager(
        string appSettingsPath,
        IEnumerable<string>? arguments = null,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        // Start from a clean slate: values in the test runner's own environment must not decide the outcome.
        var env = new Dictionary<string, string?> { ["MicrosoftAppId"] = null, ["MeetingBot__PublicBaseUrl"] = null };
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            env[key] = value;
        }

        // The manifest folder is left to the packager's own repository discovery, as in the documented command.
        string[] args = [RepoPaths.PackagerAssembly, "--appsettings", appSettingsPath, "--output", _temp.File("app.zip"), .. arguments ?? []];
        return ProcessRunner.Run("dotnet", args, RepoPaths.Root, TimeSpan.FromMinutes(1), env);
    }

    private JsonObject ReadZippedManifest()
    {
        using var zip = ZipFile.OpenRead(_temp.File("app.zip"));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        return JsonNode.Parse(reader.ReadToEnd())!.AsObject();
    }
}
