using MeetingBot.Web.Bot;

namespace MeetingBot.Web.Tests.Bot;

public sealed class ChatCommandRouterTests
{
    private static readonly ChatCommandRouter Router = BotHarness.Create().NewBot().Router;

    public static TheoryData<string, string> CatalogExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in BotCommandCatalog.Listed()) data.Add(c.Example!, c.Title);
        return data;
    }

    [Theory]
    [MemberData(nameof(CatalogExamples))]
    public void Resolve_CatalogExample_RoutesToItsCommand(string example, string title) =>
        Assert.Equal(title, Router.Resolve(example));

    [Theory]
    [InlineData("HELP", "help")]
    [InlineData("Please schedule Budget review at 2:30 pm", "schedule")]
    [InlineData("call me on +1 405 555 0100 now", "call me")]
    [InlineData("Hang up my phone.", "hang up")]
    [InlineData("end the meeting", "end meeting")]
    [InlineData("fast-forward 90 minutes", "fast forward")]
    [InlineData("usage report 7 days", "usage")]
    [InlineData("add funds 25", "add funds")]
    [InlineData("add funds -5", "add funds")]
    [InlineData("dial in", "dial in")]
    [InlineData("dial-in please", "dial in")]
    [InlineData("dial in the meeting", "dial in")]
    [InlineData("add credits lots", "add funds")]
    [InlineData("switch to Lee Gu", "act as")]
    [InlineData("join", "join")]
    [InlineData("join the meeting", "join")]
    [InlineData("fast forward -5", "fast forward")]
    [InlineData("fast forward abc", "fast forward")]
    [InlineData("ff 30m", "fast forward")]
    public void Resolve_NaturalPhrasing_RoutesToCommand(string text, string title) =>
        Assert.Equal(title, Router.Resolve(text));

    [Theory]
    [InlineData("make me a sandwich")]
    [InlineData("schedulex")]
    [InlineData("joint venture")]
    public void Resolve_UnknownText_NoRoute(string text) => Assert.Null(Router.Resolve(text));

    [Fact]
    public void Routes_EveryCatalogCommand_HasARoute()
    {
        var routed = Router.Routes.Select(r => r.Command).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(BotCommandCatalog.All, c => Assert.Contains(c.Title, routed));
    }

    [Fact]
    public void Routes_AreTheCatalogsForms_InItsOrder_AndEveryRoutedCommandIsListed()
    {
        Assert.Equal(BotCommandCatalog.All.Select(c => (c.Title, c.Pattern)), Router.Routes.Select(r => (r.Command, PatternOf(r))));
        Assert.All(Router.Routes, r => Assert.NotNull(BotCommandCatalog.Find(r.Command)));
        Assert.Equal(BotCommandCatalog.All.Count, BotCommandCatalog.All.Select(c => c.Name).Distinct().Count());
        Assert.Equal(BotCommandCatalog.Listed().Count(), BotCommandCatalog.Listed().Select(c => c.Title).Distinct().Count());
    }

    [Theory]
    [InlineData("roster", "roster")]
    [InlineData("add funds 25", "add funds")]
    [InlineData("add +44 20 7946 0000", "add")]
    public void HelpListsAndRoutes_CommandsThatWereRoutedButNotListed(string text, string title)
    {
        Assert.Equal(title, Router.Resolve(text));
        Assert.NotNull(BotCommandCatalog.Find(title)?.Description);
    }

    [Fact]
    public void FromCatalog_AFormWithoutAHandler_OrAHandlerForNoForm_IsRefused()
    {
        var handlers = BotCommandCatalog.All.ToDictionary(c => c.Name, _ => (Func<BotTurn, System.Text.RegularExpressions.Match, Task>)((_, _) => Task.CompletedTask));

        var missing = new Dictionary<string, Func<BotTurn, System.Text.RegularExpressions.Match, Task>>(handlers);
        missing.Remove("roster");
        var extra = new Dictionary<string, Func<BotTurn, System.Text.RegularExpressions.Match, Task>>(handlers) { ["make coffee"] = (_, _) => Task.CompletedTask };

        Assert.Contains("roster", Assert.Throws<InvalidOperationException>(() => ChatCommandRouter.FromCatalog(missing)).Message);
        Assert.Contains("make coffee", Assert.Throws<InvalidOperationException>(() => ChatCommandRouter.FromCatalog(extra)).Message);
        Assert.Equal(BotCommandCatalog.All.Count, ChatCommandRouter.FromCatalog(handlers).Routes.Count);
    }

    /// <summary>The catalog pattern inside the router's anchored, "please"-tolerant wrapper.</summary>
    private static string PatternOf(ChatRoute route)
    {
        var text = route.Pattern.ToString();
        const string Head = "^(?:please\\s+)?(?:", Tail = ")(?:\\s+please)?$";
        Assert.StartsWith(Head, text);
        Assert.EndsWith(Tail, text);
        return text[Head.Length..^Tail.Length];
    }
}
