using System.Text.Json;
using MeetingBot.ManifestPackager;

try
{
    var options = PackagerOptions.Parse(args);
    if (options.ShowHelp)
    {
        Console.WriteLine(PackagerOptions.Usage);
        return 0;
    }

    var repoRoot = RepoRoot.Find();
    var settings = AppPackageSettings.FromConfiguration(options.BuildConfiguration(repoRoot));
    var output = options.ResolveOutputPath(repoRoot);
    var entries = AppPackageBuilder.Build(options.ResolveManifestDirectory(repoRoot), settings, output);

    Console.WriteLine($"Wrote {output}");
    Console.WriteLine($"  bot id:       {settings.BotId}");
    Console.WriteLine($"  valid domain: {settings.HostName}");
    Console.WriteLine($"  entries:      {string.Join(", ", entries)}");
    if (settings.PublicBaseUrl.IsLoopback)
    {
        Console.Error.WriteLine(
            "warning: MeetingBot:PublicBaseUrl is a loopback address; Teams clients cannot reach it. Use your tunnel's public URL.");
    }

    return 0;
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}
catch (Exception e) when (e is InvalidOperationException or IOException or InvalidDataException or FormatException or JsonException or UnauthorizedAccessException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
