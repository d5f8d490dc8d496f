using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MeetingBot.ManifestPackager;

/// <summary>
/// Turns the committed manifest (which holds placeholders so that it validates as it stands) into the zip
/// Teams accepts: manifest.json and the icons, all at the zip root, with the configured values filled in.
/// </summary>
public static class AppPackageBuilder
{
    /// <summary>The bot id the committed manifest holds until a real one is filled in.</summary>
    public const string PlaceholderBotId = "00000000-0000-0000-0000-000000000000";

    /// <summary>The host the committed manifest holds until the configured one is filled in.</summary>
    public const string PlaceholderHostName = "localhost";

    public const string ManifestFileName = "manifest.json";

    public const string DefaultZipFileName = "meetingbot-teams-app.zip";

    // A fixed entry time keeps the package byte-for-byte reproducible for the same inputs.
    private static readonly DateTimeOffset EntryTimestamp = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        // Keep the packaged manifest readable: no \u0027 for apostrophes in descriptions.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the package to <paramref name="zipPath"/> (replacing it) and returns the entry names.</summary>
    public static IReadOnlyList<string> Build(string manifestDirectory, AppPackageSettings settings, string zipPath)
    {
        var manifestPath = Path.Combine(manifestDirectory, ManifestFileName);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))?.AsObject()
            ?? throw new InvalidOperationException($"{manifestPath} does not hold a JSON object.");

        FillIn(manifest, settings);
        var icons = IconFileNames(manifest);

        var fullZipPath = Path.GetFullPath(zipPath);
        Directory.CreateDirectory(Path.GetDirectoryName(fullZipPath)!);
        var temporaryPath = fullZipPath + ".tmp";
        try
        {
            WriteArchive(temporaryPath, manifestDirectory, manifest, icons);
            File.Move(temporaryPath, fullZipPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporaryPath);
        }

        return [ManifestFileName, .. icons];
    }

    private static void WriteArchive(string zipPath, string manifestDirectory, JsonObject manifest, IReadOnlyList<string> icons)
    {
        using (var archive = ZipFile.Open(zipPath, ZipArchiveMode.Create))
        {
            var manifestEntry = archive.CreateEntry(ManifestFileName, CompressionLevel.Optimal);
            manifestEntry.LastWriteTime = EntryTimestamp;
            using (var stream = manifestEntry.Open())
            {
                var json = manifest.ToJsonString(WriteOptions) + "\n";
                stream.Write(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(json));
            }

            foreach (var icon in icons)
            {
                var iconPath = Path.Combine(manifestDirectory, icon);
                if (!File.Exists(iconPath))
                {
                    throw new InvalidOperationException($"The manifest names the icon '{icon}', but {iconPath} does not exist.");
                }

                var entry = archive.CreateEntry(icon, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTimestamp;
                using var entryStream = entry.Open();
                using var iconStream = File.OpenRead(iconPath);
                iconStream.CopyTo(entryStream);
            }
        }
    }

    /// <summary>Replaces every placeholder with the configured value, in place.</summary>
    public static void FillIn(JsonObject manifest, AppPackageSettings settings)
    {
        var botId = settings.BotId.ToString("D");

        // One Entra app registration serves as the Teams app id, the bot id and the RSC application id.
        manifest["id"] = botId;
        foreach (var bot in manifest["bots"]?.AsArray() ?? [])
        {
            bot!["botId"] = botId;
        }

        if (manifest["webApplicationInfo"] is JsonObject webApplicationInfo)
        {
            webApplicationInfo["id"] = botId;
            if (webApplicationInfo.ContainsKey("resource"))
            {
                webApplicationInfo["resource"] = $"api://{settings.HostName}/botid-{botId}";
            }
        }

        if (manifest["validDomains"] is JsonArray validDomains)
        {
            var domains = validDomains
                .Select(d => d!.GetValue<string>())
                .Select(d => string.Equals(d, PlaceholderHostName, StringComparison.OrdinalIgnoreCase) ? settings.HostName : d)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
            manifest["validDomains"] = new JsonArray([.. domains.Select(d => JsonValue.Create(d))]);
        }

        if (manifest["developer"] is JsonObject developer)
        {
            foreach (var key in new[] { "websiteUrl", "privacyUrl", "termsOfUseUrl" })
            {
                if (developer[key]?.GetValue<string>() is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
                    && string.Equals(uri.Host, PlaceholderHostName, StringComparison.OrdinalIgnoreCase))
                {
                    developer[key] = new Uri(settings.PublicBaseUrl, uri.PathAndQuery).ToString();
                }
            }
        }

        var leftOver = manifest.ToJsonString();
        if (leftOver.Contains(PlaceholderBotId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The manifest still holds the placeholder id {PlaceholderBotId} in a place the packager does not fill in.");
        }
    }

    /// <summary>The icon files the manifest names; Teams wants them at the zip root, so they must be bare file names.</summary>
    public static IReadOnlyList<string> IconFileNames(JsonObject manifest)
    {
        var icons = manifest["icons"] as JsonObject
            ?? throw new InvalidOperationException("The manifest has no icons object.");
        var names = icons.Select(p => p.Value?.GetValue<string>() ?? string.Empty).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var name in names)
        {
            if (name.Length == 0 || name != Path.GetFileName(name))
            {
                throw new InvalidOperationException($"Icon path '{name}' must be a file name at the package root.");
            }
        }

        return names;
    }
}
