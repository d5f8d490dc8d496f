namespace MeetingBot.Manifest.Tests;

/// <summary>
/// Runs tools/manifest/validate.mjs, which checks a manifest against the official Teams schema shipped in
/// the @microsoft/app-manifest package. Installs the locked node packages first when they are missing.
/// </summary>
internal static class ManifestValidator
{
    private static readonly Lock InstallLock = new();
    private static bool _installed;

    public static string SchemaDirectory =>
        Path.Combine(RepoPaths.ToolsDirectory, "node_modules", "@microsoft", "app-manifest", "build", "json-schemas", "teams");

    public static ProcessResult Validate(string manifestPath)
    {
        EnsureNodePackages();
        return ProcessRunner.Run("node", [RepoPaths.ValidatorScript, manifestPath], RepoPaths.Root, TimeSpan.FromMinutes(1));
    }

    public static void EnsureNodePackages()
    {
        lock (InstallLock)
        {
            if (_installed)
            {
                return;
            }

            var required = new[] { "@microsoft/app-manifest", "ajv", "ajv-draft-04", "ajv-formats" };
            var nodeModules = Path.Combine(RepoPaths.ToolsDirectory, "node_modules");
            if (!required.All(p => File.Exists(Path.Combine(nodeModules, p, "package.json"))))
            {
                var install = ProcessRunner.Run(
                    "npm", ["ci", "--prefix", RepoPaths.ToolsDirectory], RepoPaths.Root, TimeSpan.FromMinutes(5));
                if (install.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm ci in tools/manifest failed.\n{install.Output}");
                }
            }

            _installed = true;
        }
    }
}
