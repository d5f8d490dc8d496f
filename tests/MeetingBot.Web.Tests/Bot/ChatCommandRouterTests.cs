using MeetingBot.Web.Bot;

namespace MeetingBot.Web.Tests.Bot;

public sealed class ChatCommandRouterTests
{
    private static readonly ChatCommandRouter Router = BotHarness.Create().NewBot().Router;

    public static TheoryData<string, string> CatalogExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in BotCommandCatalog.All) data.Add(c.Example, c.Title);
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
}
