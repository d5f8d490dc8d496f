using System.Diagnostics;
using MeetingBot.Web.Bot.Cards;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// Every card the bot builds is parsed, validated and rendered (into a jsdom document) by the official
/// adaptivecards library (tools/cards/validate.mjs), which also enforces the bot's rules: schema 1.5,
/// Action.Submit with an action discriminator, no Action.Execute.
/// </summary>
public sealed class CardValidationTests : IDisposable
{
    private static readonly SemaphoreSlim NpmInstall = new(1, 1);
    private readonly string _dir = Directory.CreateTempSubdirectory("meetingbot-cards-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Validate_EveryBotCard_OfficialParserFindsNoProblemsAndEveryCardRenders()
    {
        var cards = CardGallery.All();
        foreach (var (name, card) in cards) await File.WriteAllTextAsync(Path.Combine(_dir, name + ".json"), card.ToString(Formatting.Indented));

        var (exitCode, output) = await RunValidatorAsync(_dir);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{cards.Count} valid, 0 invalid; {cards.Count} of {cards.Count} rendered", output);
        Assert.DoesNotContain("library warning", output);
    }

    [Theory]
    [InlineData("unknown-element", "parse: Unknown element type \"Marquee\"")]
    [InlineData("execute-action", "Action.Execute is not allowed")]
    [InlineData("submit-without-action", "has no data.action discriminator")]
    [InlineData("duplicate-input-id", "validate: Duplicate Id \"same\"")]
    public async Task Validate_BrokenCard_FailsForThatReason(string breakage, string reason)
    {
        var card = HelpCard.Build();
        var body = (JArray)card["body"]!;
        switch (breakage)
        {
            case "unknown-element":
                body.Add(new JObject { ["type"] = "Marquee", ["text"] = "hi" });
                break;
            case "execute-action":
                ((JArray)card["actions"]!).Add(new JObject { ["type"] = "Action.Execute", ["title"] = "Go", ["verb"] = "go" });
                break;
            case "submit-without-action":
                ((JArray)card["actions"]!).Add(new JObject { ["type"] = "Action.Submit", ["title"] = "Go", ["data"] = new JObject { ["x"] = 1 } });
                break;
            case "duplicate-input-id":
                body.Add(CardElements.InputText("same", "One"));
                body.Add(CardElements.InputText("same", "Two"));
                break;
        }
        await File.WriteAllTextAsync(Path.Combine(_dir, "broken.json"), card.ToString());

        var (exitCode, output) = await RunValidatorAsync(_dir);

        Assert.True(exitCode == 1, output);
        Assert.Contains("FAIL", output);
        Assert.Contains(reason, output);
    }

    [Fact]
    public async Task Validate_CardThatParsesButRendersNothing_FailsOnRenderOnly()
    {
        // An empty TextBlock is valid to the parser, but the renderer skips it, leaving a card with no content.
        var card = HelpCard.Build();
        card["body"] = new JArray(new JObject { ["type"] = "TextBlock", ["text"] = "" });
        card["actions"] = new JArray();
        await File.WriteAllTextAsync(Path.Combine(_dir, "blank.json"), card.ToString());

        var (exitCode, output) = await RunValidatorAsync(_dir);

        Assert.True(exitCode == 1, output);
        Assert.Contains("render: the rendered card is empty", output);
        Assert.DoesNotContain("parse:", output);
        Assert.DoesNotContain("validate:", output);
        Assert.Contains("0 valid, 1 invalid; 0 of 1 rendered", output);
    }

    private static async Task<(int ExitCode, string Output)> RunValidatorAsync(string dir)
    {
        var tool = Path.Combine(RepoRoot(), "tools", "cards");
        await NpmInstall.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(tool, "node_modules", "adaptivecards")) || !Directory.Exists(Path.Combine(tool, "node_modules", "jsdom")))
            {
                var (code, output) = await RunAsync("npm", ["ci", "--prefix", tool, "--no-audit", "--no-fund", "--loglevel=error"], tool);
                Assert.True(code == 0, "npm ci failed: " + output);
            }
        }
        finally
        {
            NpmInstall.Release();
        }
        return await RunAsync("node", [Path.Combine(tool, "validate.mjs"), dir], tool);
    }

    private static async Task<(int, string)> RunAsync(string file, string[] args, string workingDirectory)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "tools", "cards", "validate.mjs"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (tools/cards/validate.mjs) above " + AppContext.BaseDirectory);
    }
}
