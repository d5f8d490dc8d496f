using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// Cards are read in Web Chat's default bubble (~480 px; see PLATFORM.md) and Teams' narrow chat column: a Table with
/// more than <see cref="MaxTableColumns"/> columns breaks words mid-word there. Reports show records with FactSets
/// instead (CardElements.Record) and link to the web client for every column.
/// </summary>
public sealed class CardWidthTests
{
    public const int MaxTableColumns = 4;

    public static TheoryData<string> CardNames()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in CardGallery.All()) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Build_EveryChatCard_HasNoTableWiderThanFourColumns(string name)
    {
        var card = CardGallery.All().Single(c => c.Name == name).Card;

        Assert.Empty(TooWideTables(card));
    }

    [Fact]
    public void TooWideTables_FiveColumnTable_IsFound()
    {
        var table = new JObject
        {
            ["type"] = "Table",
            ["id"] = "wide",
            ["columns"] = new JArray(Enumerable.Range(0, 5).Select(_ => new JObject { ["width"] = 1 })),
            ["rows"] = new JArray(new JObject
            {
                ["type"] = "TableRow",
                ["cells"] = new JArray(Enumerable.Range(0, 5).Select(i => new JObject { ["type"] = "TableCell", ["items"] = new JArray() })),
            }),
        };
        var card = new JObject { ["type"] = "AdaptiveCard", ["body"] = new JArray(new JObject { ["type"] = "Container", ["items"] = new JArray(table) }) };

        Assert.Equal(["wide: 5 columns"], TooWideTables(card));
    }

    /// <summary>Every Table (at any depth) whose column list or any row is wider than the limit.</summary>
    private static List<string> TooWideTables(JObject card) =>
        card.Descendants().OfType<JObject>()
            .Where(o => (string?)o["type"] == "Table")
            .Select(t => (Id: (string?)t["id"] ?? "(no id)", Columns: Math.Max(
                (t["columns"] as JArray)?.Count ?? 0,
                (t["rows"] as JArray)?.Max(r => (r["cells"] as JArray)?.Count ?? 0) ?? 0)))
            .Where(t => t.Columns > MaxTableColumns)
            .Select(t => $"{t.Id}: {t.Columns} columns")
            .ToList();
}
