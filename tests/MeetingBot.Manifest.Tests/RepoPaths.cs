using MeetingBot.ManifestPackager;

namespace MeetingBot.Manifest.Tests;

/// <summary>Paths inside the repository, found by walking up from the test assembly to MeetingBot.sln.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = RepoRoot.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No {RepoRoot.SolutionFileName} above {AppContext.BaseDirectory}.");

    public static string ManifestDirectory => Path.Combine(Root, "manifest");

    public static string ManifestFile => Path.Combine(ManifestDirectory, "manifest.json");

    public static string ToolsDirectory => Path.Combine(Root, "tools", "manifest");

    public static string ValidatorScript => Path.Combine(ToolsDirectory, "validate.mjs");

    /// <summary>The packager's entry assembly, copied next to the tests by the project reference.</summary>
    public static string PackagerAssembly => Path.Combine(AppContext.BaseDirectory, "MeetingBot.ManifestPackager.dll");
}
