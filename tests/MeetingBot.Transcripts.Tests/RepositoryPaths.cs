namespace MeetingBot.Transcripts.Tests;

/// <summary>Where the checked-in transcripts are: found from the test binaries by walking up to MeetingBot.sln.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Every transcript the replay runs: tests/**/*.transcript.</summary>
    public static string Tests => Path.Combine(Root, "tests");

    /// <summary>Where the recorded scenarios of this project live.</summary>
    public static string Transcripts => Path.Combine(Root, "tests", "MeetingBot.Transcripts.Tests", "Transcripts");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MeetingBot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"MeetingBot.sln not found above {AppContext.BaseDirectory}");
    }
}
