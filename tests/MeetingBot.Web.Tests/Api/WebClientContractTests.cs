using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MeetingBot.Web.Tests.Api;

/// <summary>
/// The web client reads the documented shapes (Api/Contracts, Hubs/Messages): camelCase names, enums by name.
/// It must not guess: no case-insensitive field lookups, no "an array or an object holding one", no numeric enums.
/// </summary>
public sealed partial class WebClientContractTests : IAsyncLifetime
{
    private readonly MeetingBotAppFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void WebClientScripts_HaveNoShapeGuesses()
    {
        var js = Path.Combine(RepoRoot(), "src", "MeetingBot.Web", "wwwroot", "js");
        var scripts = Directory.GetFiles(js, "*.js", SearchOption.AllDirectories);

        var guesses = (from file in scripts
                       from line in File.ReadLines(file).Select((text, i) => (text, number: i + 1))
                       where Guess().IsMatch(line.text)
                       select $"{Path.GetRelativePath(js, file)}:{line.number}: {line.text.Trim()}").ToList();

        Assert.NotEmpty(scripts);
        Assert.True(guesses.Count == 0, "The web client guesses a shape instead of reading the contract:\n" + string.Join('\n', guesses));
    }

    [Theory]
    [InlineData("const x = pick(meeting, 'legs', 'callLegs');")]
    [InlineData("users = Array.isArray(data) ? data : data?.users ?? [];")]
    [InlineData("return typeof state === 'number' ? LEG_STATES[state] : state;")]
    [InlineData("const id = u.userId ?? u.id;")]
    public void TheGuessPattern_CatchesEachKnownGuess(string line) => Assert.Matches(Guess(), line);

    [Fact]
    public async Task MeetingView_OnTheWire_IsCamelCase_WithEnumsByName()
    {
        using var adele = await _app.ClientForAsync("adele");
        var created = await adele.PostAsJsonAsync("/api/meetings", new { subject = "Sync" });
        var id = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        (await adele.PostAsJsonAsync($"/api/meetings/{id}/join", new { audio = "computer" })).EnsureSuccessStatusCode();
        (await adele.PostAsJsonAsync($"/api/meetings/{id}/callme", new { number = "4055550100" })).EnsureSuccessStatusCode();

        var meeting = JsonDocument.Parse(await adele.GetStringAsync($"/api/meetings/{id}")).RootElement;

        Assert.True(meeting.GetProperty("isOrganizer").GetBoolean());
        Assert.False(meeting.GetProperty("ended").GetBoolean());
        var adeleHere = meeting.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("userId").GetString() == "adele");
        Assert.Equal("PhoneAudio", adeleHere.GetProperty("audioMode").GetString()); // switched by Call me
        var leg = Assert.Single(meeting.GetProperty("legs").EnumerateArray());
        Assert.Equal("CallMe", leg.GetProperty("kind").GetString());
        Assert.Contains(leg.GetProperty("state").GetString(), new[] { "Ringing", "Connected" });
        Assert.Equal("+14055550100", leg.GetProperty("toNumber").GetString());
        Assert.Equal(JsonValueKind.String, leg.GetProperty("id").ValueKind);
    }

    // pick( helpers, "an array or an object holding one", numeric enum branches, and "this name or that name".
    [GeneratedRegex(@"\bpick\(|Array\.isArray\(\w+\)\s*\?|typeof\s+\w+\s*===\s*'number'\s*\?|\b(\w+)\.\w+\s*\?\?\s*\1\??\.\w*[Ii]d\b")]
    private static partial Regex Guess();

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "src", "MeetingBot.Web", "wwwroot", "index.html"))) return dir.FullName;
        throw new InvalidOperationException("Cannot find the repository root (src/MeetingBot.Web/wwwroot/index.html) above " + AppContext.BaseDirectory);
    }
}
