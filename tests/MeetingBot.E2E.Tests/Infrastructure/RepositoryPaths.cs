namespace MeetingBot.E2E.Tests.Infrastructure;

/// <summary>Finds files of the checkout from the test's output folder (the solution file marks the root).</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MeetingBot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"MeetingBot.sln not found above {AppContext.BaseDirectory}.");
    }
}
