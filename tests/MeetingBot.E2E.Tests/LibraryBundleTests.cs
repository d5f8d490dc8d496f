using MeetingBot.E2E.Tests.Infrastructure;

namespace MeetingBot.E2E.Tests;

/// <summary>
/// The browser libraries are committed under wwwroot/lib so running the host needs no npm; these tests keep the
/// copies identical to the versions pinned in tools/webclient (run tools/webclient/sync.sh after changing them).
/// </summary>
public sealed class LibraryBundleTests
{
    public static TheoryData<string, string> Bundles()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(RepositoryPaths.Combine("tools", "webclient", "bundles.txt")))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2) data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Bundles))]
    public void CommittedBundle_ComparedWithPinnedPackage_IsByteIdentical(string packageFile, string libFile)
    {
        var pinned = RepositoryPaths.Combine("tools", "webclient", "node_modules", packageFile);
        var committed = RepositoryPaths.Combine("src", "MeetingBot.Web", "wwwroot", "lib", libFile);
        Assert.True(File.Exists(pinned), $"{pinned} is missing: run `npm ci` in tools/webclient (scripts/test.sh does).");
        Assert.True(File.Exists(committed), $"{committed} is missing: run tools/webclient/sync.sh.");
        Assert.True(File.ReadAllBytes(pinned).AsSpan().SequenceEqual(File.ReadAllBytes(committed)),
            $"wwwroot/lib/{libFile} differs from the pinned {packageFile}: run tools/webclient/sync.sh and commit.");
    }

    [Theory]
    [InlineData("@microsoft/signalr", "10.0.11")]
    [InlineData("adaptivecards", "3.0.6")]
    [InlineData("botframework-webchat", "4.18.1")]
    public void PinnedPackage_InstalledVersion_MatchesPackageJson(string package, string version)
    {
        var manifest = File.ReadAllText(RepositoryPaths.Combine("tools", "webclient", "package.json"));
        var installed = File.ReadAllText(RepositoryPaths.Combine("tools", "webclient", "node_modules", package, "package.json"));
        Assert.Contains($"\"{package}\": \"{version}\"", manifest, StringComparison.Ordinal);
        Assert.Contains($"\"version\": \"{version}\"", installed, StringComparison.Ordinal);
    }

    /// <summary>Web Chat (about 4 MB) is loaded by the chat pane when it first opens, not by every page.</summary>
    [Fact]
    public void ChatPane_WebChatBundle_IsAListedBundle()
    {
        var chat = File.ReadAllText(RepositoryPaths.Combine("src", "MeetingBot.Web", "wwwroot", "js", "chat", "chatPane.js"));
        var loaded = System.Text.RegularExpressions.Regex.Match(chat, "'lib/([^']+)'").Groups[1].Value;
        Assert.Equal("webchat.js", loaded);
        Assert.Contains(loaded, Bundles().Select(row => (string)row[1]));
    }

    [Fact]
    public void IndexPage_LibraryScripts_AreAllListedBundles()
    {
        var index = File.ReadAllText(RepositoryPaths.Combine("src", "MeetingBot.Web", "wwwroot", "index.html"));
        var listed = Bundles().Select(row => (string)row[1]).ToHashSet();
        var referenced = System.Text.RegularExpressions.Regex.Matches(index, "src=\"lib/([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["signalr.min.js", "adaptivecards.min.js"], referenced);
        Assert.All(referenced, file => Assert.Contains(file, listed));
    }
}
