using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using System.Globalization;
using System.Net;
using System.Text;
using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Web.Bot.Cards;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// The seed's story end to end over HTTP, posted exactly as the Bot Framework Emulator posts it (no auth, no
/// roles in membersAdded, no locale, card buttons as message activities with a value and postBack), with
/// every reply and proactive message read back from the Emulator's serviceUrl (a Kestrel sink). Buttons are
/// pressed with the data of the card the bot actually sent, and inputs carry the card's values as a renderer
/// would send them.
/// </summary>
public sealed class EmulatorConversationTests : IAsyncLifetime
{
    private const string ConversationId = "3f9b1d70-2a4c-11f0-8e1b-5d2c7a9e4b6f|livechat";
    private const string BotId = "7d0e2b10-bot";
    private const string UserId = "c41a7e55-user";
    private const string Number = "405 555 0100";
    private readonly ConnectorSink _sink = new();
    private readonly BotHostFactory _factory = new(useDemoClock: true);
    private HttpClient _client = null!;
    private int _activityCount;

    public async Task InitializeAsync()
    {
        await _sink.StartAsync();
        _client = _factory.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task Conversation_SeedStoryFromWelcomeToUsageReport_EveryStepAnsweredAtTheServiceUrl()
    {
        var tenants = _factory.Services.GetRequiredService<ITenants>();

        // Welcome: one conversationUpdate holding bot and user, without roles.
        var welcome = Card(Assert.Single(await PostAsync(Activity("conversationUpdate", new JObject
        {
            ["membersAdded"] = new JArray(new JObject { ["id"] = BotId, ["name"] = "Bot" }, new JObject { ["id"] = UserId, ["name"] = "User" }),
        }))));
        Assert.Contains(Texts(welcome), t => t.Contains("**Adele Vance** (adele)", StringComparison.Ordinal));

        // Schedule from the welcome card's button: the invite has the toll number and conference ID.
        var scheduled = Assert.Single(await PressAsync(welcome, "Schedule", new() { ["subject"] = "Weekly sync" }));
        var meetingId = Assert.Single((await tenants.Ask("contoso", new ListMeetings("adele")))).Id;
        var conferenceId = (await tenants.Ask("contoso", new GetMeeting(meetingId))).Value!.ConferenceId!;
        Assert.Equal($"Scheduled **Weekly sync** (meeting {meetingId}). Here is the invite.", Text(scheduled));
        var invite = Card(scheduled);
        Assert.Equal($"+1 405-666-0187,,{conferenceId}#  (Toll)", (string?)ById(invite, "tollNumber")?["text"]);
        Assert.Equal($"Phone Conference ID: {CardFormat.ConferenceId(conferenceId)}", (string?)ById(invite, "conferenceId")?["text"]);

        // Join → pre-join screen → Call me with the number typed into the card → the number as it will be dialed → Call.
        var preJoin = Card(Assert.Single(await PressAsync(invite, "Join")));
        var confirm = Card(Assert.Single(await PressAsync(preJoin, "Call me", new() { ["phoneNumber"] = Number })));
        var called = Assert.Single(await PressAsync(confirm, "Call"));
        Assert.Equal("📞 Calling you at +14055550100 (+1 405-555-0100): connected.", Text(called));
        await WaitForAsync(a => Text(a) == $"📞 Your phone +1 405-555-0100 is connected to meeting {meetingId}.");

        // Fast forward the demo clock until the 120 pooled minutes run out: a hard cut-off, said proactively.
        for (var i = 0; i < 6 && !SinkHas(a => Text(a) == EngineMessages.NotSetUpForCallingFeature); i++)
            Assert.StartsWith("⏩ Moved the demo clock forward 30 minute(s).", Text(Assert.Single(await SayAsync("fast forward 30"))));
        await WaitForAsync(a => Text(a) == EngineMessages.NotSetUpForCallingFeature);
        await WaitForAsync(a => Text(a) == $"📞 The call to +1 405-555-0100 in meeting {meetingId} was cut off after 120 minute(s): no pooled minutes or credits were left to pay for the next one.");
        Assert.Equal(CallLegState.CutOff, Assert.Single((await tenants.Ask("contoso", new ListLegs(meetingId)))).State);

        // Every later dial-out gets the exact Teams error as the reply.
        Assert.Equal(EngineMessages.NotSetUpForCallingFeature, Text(Assert.Single(await PressAsync(confirm, "Call"))));

        // The admin adds Communications Credits from the admin card.
        Assert.Contains("Nestor Wilke", Text(Assert.Single(await SayAsync("act as nestor"))));
        var admin = Card(Assert.Single(await SayAsync("admin")));
        Assert.Equal("Balance: 0.00 USD", (string?)ById(admin, "balance")?["text"]);
        Assert.Contains("Added 25.00 to Communications Credits. Balance: 25.00.", AllText(Assert.Single(await PressAsync(admin, "Add funds"))));

        // Lee holds Communications Credits: her meeting's Call me works on credits although the pool is empty.
        Assert.Contains("Lee Gu", Text(Assert.Single(await SayAsync("act as lee"))));
        var leesInvite = Card(Assert.Single(await SayAsync("schedule Budget review")));
        var leesMeetingId = (string?)SubmitTitled(leesInvite, "Join")["data"]!["meetingId"];
        var leesPreJoin = Card(Assert.Single(await PressAsync(leesInvite, "Join")));
        var leesConfirm = Card(Assert.Single(await PressAsync(leesPreJoin, "Call me", new() { ["phoneNumber"] = Number })));
        var leesCall = Assert.Single(await PressAsync(leesConfirm, "Call"));
        Assert.Equal("📞 Calling you at +14055550100 (+1 405-555-0100): connected.", Text(leesCall));
        Assert.StartsWith("⏩", Text(Assert.Single(await SayAsync("fast forward 3"))));

        // Add a participant by phone from the roster card: the cost first (the pool is empty: credits), then they hear the meeting.
        var addConfirm = Card(Assert.Single(await PressAsync(Card(leesCall), "Add participant", new() { ["addNumber"] = "+44 20 7946 0000" })));
        Assert.Contains("Communications Credits at $0.02 a minute", Texts(addConfirm));
        var added = Assert.Single(await PressAsync(addConfirm, "Call"));
        Assert.Equal("📞 Calling +442079460000 (+44 20 7946 0000): connected.", Text(added));

        // Leave from the roster card: the phone stays connected, and the reply says to hang up both ends.
        var reminder = Assert.Single(await PressAsync(Card(leesCall), "Leave"));
        Assert.Equal($"You left meeting {leesMeetingId} in the client, but your phone did not. {EngineMessages.HangUpBothEnds}", Text(reminder));
        Assert.Equal(EngineMessages.HangUpBothEnds, (string?)ById(Card(reminder), "message")?["text"]);
        Assert.True((await tenants.Ask("contoso", new ListLegs(leesMeetingId!))).Single(l => l.Kind == CallLegKind.CallMe).IsLive);

        // The reminder's button ends the leg; 3 minutes began (0, 1, 2), paid from credits at the US rate.
        var hungUp = Assert.Single(await PressAsync(Card(reminder), "Hang up my phone"));
        Assert.Equal("📞 Hung up +1 405-555-0100 after 3 paid minute(s), 0.05 charged to credits.", Text(hungUp));
        Assert.False((await tenants.Ask("contoso", new ListLegs(leesMeetingId!))).Single(l => l.Kind == CallLegKind.CallMe).IsLive);

        // The admin reads the usage report: Adele's call on the pool ($0, MCOMEETADD), Lee's on credits (MCOPSTNPP).
        Assert.Contains("Nestor Wilke", Text(Assert.Single(await SayAsync("act as nestor"))));
        var usage = Card(Assert.Single(await SayAsync("usage")));
        var records = Records(usage, "usage-");
        Assert.Contains(records, r => r.Heading == "Adele Vance" && r.Facts["Call type"] == "conf_out" && r.Facts["To"] == "+1 405-555-0100" && r.Facts["Charge"] == "0.00 USD" && r.Facts["Capability"] == "MCOMEETADD");
        Assert.Contains(records, r => r.Heading == "Lee Gu" && r.Facts["To"] == "+1 405-555-0100" && r.Facts["Charge"] == "0.05 USD" && r.Facts["Capability"] == "MCOPSTNPP");

        // Every activity went to this conversation at the Emulator's serviceUrl, and each turn was answered.
        Assert.All(_sink.Received, r => Assert.StartsWith($"/v3/conversations/{ConversationId}/activities", r.Path));
    }

    private JObject Activity(string type, JObject? extra = null)
    {
        var id = "emu-" + (++_activityCount).ToString(CultureInfo.InvariantCulture);
        var activity = EmulatorActivities.Create(type, id, _sink.Url, ConversationId, UserId, BotId);
        if (extra is not null) activity.Merge(extra);
        return activity;
    }

    private Task<IReadOnlyList<JObject>> SayAsync(string text) =>
        PostAsync(Activity("message", new JObject { ["text"] = text, ["textFormat"] = "plain" }));

    /// <summary>
    /// Presses a card's Action.Submit as the Emulator's renderer does: the button's data merged with every input
    /// of the card (its current value, or what the person typed), sent as a message with no text.
    /// </summary>
    private Task<IReadOnlyList<JObject>> PressAsync(JObject card, string title, Dictionary<string, string>? typed = null)
    {
        var value = (JObject)SubmitTitled(card, title)["data"]!.DeepClone();
        foreach (var input in card.Descendants().OfType<JObject>().Where(o => ((string?)o["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true))
        {
            var id = (string)input["id"]!;
            if (typed is not null && typed.TryGetValue(id, out var text)) value[id] = text;
            else if (input["value"] is { } initial) value[id] = initial.ToString();
        }
        if (typed is not null) Assert.All(typed.Keys, k => Assert.NotNull(value[k])); // the card really has those inputs
        return PostAsync(Activity("message", new JObject { ["value"] = value, ["channelData"] = new JObject { ["postBack"] = true } }));
    }

    /// <summary>Posts one activity and returns the replies to it (the sink has them once the POST is answered).</summary>
    private async Task<IReadOnlyList<JObject>> PostAsync(JObject activity)
    {
        var response = await _client.PostAsync("/api/messages", new StringContent(activity.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (string)activity["id"]!;
        return _sink.Received.Select(r => r.Activity).Where(a => (string?)a["replyToId"] == id).ToList();
    }

    private bool SinkHas(Func<JObject, bool> match) => _sink.Received.Any(r => match(r.Activity));

    /// <summary>Waits for a proactive message (sent by the engine event dispatcher on its own schedule).</summary>
    private async Task<IReadOnlyList<JObject>> WaitForAsync(Func<JObject, bool> match)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!SinkHas(match) && DateTime.UtcNow < deadline)
            await _sink.WaitForAsync(_sink.Received.Count + 1, TimeSpan.FromMilliseconds(200));
        var found = _sink.Received.Select(r => r.Activity).Where(match).ToList();
        Assert.True(found.Count > 0, "Not received. The sink has: " + string.Join(" | ", _sink.Received.Select(r => Text(r.Activity))));
        return found;
    }

    private static string Text(JObject activity) => (string?)activity["text"] ?? "";

    private static JObject Card(JObject activity)
    {
        var attachment = Assert.Single((JArray)activity["attachments"]!);
        Assert.Equal(CardAttachment.ContentType, (string?)attachment["contentType"]);
        return (JObject)attachment["content"]!;
    }

    private static string AllText(JObject activity) =>
        string.Join("\n", new[] { Text(activity) }.Concat(activity["attachments"] is JArray { Count: > 0 } ? Texts(Card(activity)) : []));
}
