using System.Text.Json.Nodes;

namespace MeetingBot.Manifest.Tests;

/// <summary>manifest/manifest.json as committed, parsed fresh for each caller so tests can change copies.</summary>
internal static class CommittedManifest
{
    public static JsonObject Load() =>
        JsonNode.Parse(File.ReadAllText(RepoPaths.ManifestFile))!.AsObject();

    public static JsonObject Bot(JsonObject manifest) => manifest["bots"]!.AsArray().Single()!.AsObject();

    public static IEnumerable<(string[] Scopes, string Title, string Description)> Commands(JsonObject manifest) =>
        from list in Bot(manifest)["commandLists"]!.AsArray()
        let scopes = list!["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).ToArray()
        from command in list["commands"]!.AsArray()
        select (scopes, command!["title"]!.GetValue<string>(), command["description"]!.GetValue<string>());

    public static string[] Strings(JsonNode? array) =>
        array?.AsArray().Select(n => n!.GetValue<string>()).ToArray() ?? [];
}
