namespace MeetingBot.ManifestPackager;

/// <summary>Finds the repository root: the nearest folder, walking up, that holds MeetingBot.sln.</summary>
public static class RepoRoot
{
    public const string SolutionFileName = "MeetingBot.sln";

    /// <summary>Searches upwards from the current directory first (where the user ran the command), then
    /// from the assembly's folder (build output inside the repository).</summary>
    public static string Find() =>
        FindFrom(Directory.GetCurrentDirectory())
        ?? FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException(
            $"Cannot find {SolutionFileName} above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'.");

    public static string? FindFrom(string startDirectory)
    {
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFileName)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
