using MeetingBot.Web.Bot;

namespace MeetingBot.Manifest.Tests;

public sealed class ManifestCommandTests
{
    [Fact]
    public void CommandLists_EveryTitle_IsABotCommand()
    {
        var unknown = CommittedManifest.Commands(CommittedManifest.Load())
            .Where(c => BotCommandCatalog.Find(c.Title)?.Title != c.Title)
            .Select(c => $"'{c.Title}' ({string.Join('+', c.Scopes)})")
            .ToList();

        Assert.True(unknown.Count == 0, "Manifest commands the bot does not handle (titles must equal catalog titles): " + string.Join(", ", unknown));
    }

    [Fact]
    public void CommandLists_EveryDescription_MatchesCatalog()
    {
        var mismatched = CommittedManifest.Commands(CommittedManifest.Load())
            .Select(c => (c.Title, Manifest: c.Description, Catalog: BotCommandCatalog.Find(c.Title)?.Description))
            .Where(c => c.Manifest != c.Catalog)
            .Select(c => $"'{c.Title}': manifest \"{c.Manifest}\", catalog \"{c.Catalog}\"")
            .ToList();

        Assert.True(mismatched.Count == 0, string.Join("; ", mismatched));
    }

    [Fact]
    public void CommandLists_EachList_HoldsAtMostTenDistinctCommands()
    {
        var lists = CommittedManifest.Bot(CommittedManifest.Load())["commandLists"]!.AsArray();

        Assert.NotEmpty(lists);
        foreach (var list in lists)
        {
            var titles = list!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
            Assert.InRange(titles.Count, 1, 10);
            Assert.Equal(titles.Count, titles.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        }
    }

    [Fact]
    public void CommandLists_Scopes_AreEachCoveredOnceAndDeclaredByTheBot()
    {
        var bot = CommittedManifest.Bot(CommittedManifest.Load());
        var botScopes = CommittedManifest.Strings(bot["scopes"]);
        var listScopes = bot["commandLists"]!.AsArray().SelectMany(l => CommittedManifest.Strings(l!["scopes"])).ToList();

        Assert.All(listScopes, s => Assert.Contains(s, botScopes));
        Assert.Equal(listScopes.Count, listScopes.Distinct().Count());
        Assert.Equal(botScopes.Order(StringComparer.Ordinal), listScopes.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("help")]
    [InlineData("join")]
    [InlineData("call me")]
    [InlineData("add")]
    [InlineData("hang up")]
    public void CommandLists_CoreMeetingCommand_IsOfferedInEveryScope(string title)
    {
        var bot = CommittedManifest.Bot(CommittedManifest.Load());
        var scopesOffering = CommittedManifest.Commands(CommittedManifest.Load())
            .Where(c => c.Title == title)
            .SelectMany(c => c.Scopes)
            .ToHashSet();

        Assert.Equal(CommittedManifest.Strings(bot["scopes"]).Order(StringComparer.Ordinal), scopesOffering.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Find_TitleNotInCatalog_ReturnsNull()
    {
        // The title check above relies on Find returning null for anything the bot does not handle.
        Assert.Null(BotCommandCatalog.Find("make coffee"));
        Assert.NotNull(BotCommandCatalog.Find("hang up"));
    }
}
