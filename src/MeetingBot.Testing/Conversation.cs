using System.Runtime.CompilerServices;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Testing;

/// <summary>
/// A chat with the bot, written as the user lives it and awaited once:
/// <code>await host.Chat().Say("schedule Weekly sync").ExpectCard("Weekly sync").Press("Join").ExpectCard("Choose your audio");</code>
/// Each Say, Press or Submit is one turn; the Expect steps after it read what the bot said because of that turn
/// (its replies, then the proactive messages the turn caused), in order. Anything left unread is dropped when the
/// user acts again, and is still in <see cref="Received"/>.
/// </summary>
public sealed class Conversation
{
    private readonly BotTestHost _host;
    private readonly Queue<IActivity> _unread = new();
    private readonly List<IActivity> _received = [];
    private Task _steps = Task.CompletedTask;
    private string _lastStep = "(nothing yet)";

    internal Conversation(BotTestHost host) => _host = host;

    /// <summary>Everything the bot sent in this conversation so far.</summary>
    public IReadOnlyList<IActivity> Received => _received;

    public Conversation Say(string text) => Turn($"Say(\"{text}\")", () => MessageFactory.Text(text));

    /// <summary>
    /// Presses the Action.Submit titled <paramref name="title"/> on the latest card the bot sent, sending its data as
    /// the activity's value; <paramref name="inputs"/> (an anonymous object or dictionary) are what the user typed into
    /// the card's inputs, merged into the data as a renderer does.
    /// </summary>
    public Conversation Press(string title, object? inputs = null) => Turn($"Press(\"{title}\")", () =>
    {
        var card = _received.Select(Cards.Of).LastOrDefault(c => c is not null)
            ?? throw Fail($"there is no card to press \"{title}\" on");
        var submit = Cards.SubmitTitled(card, title)
            ?? throw Fail($"the latest card has no button \"{title}\"; its buttons: {string.Join(", ", Cards.Submits(card).Select(s => $"\"{s["title"]}\""))}");
        var data = submit["data"] is JObject d ? (JObject)d.DeepClone() : [];
        if (inputs is not null) data.Merge(JObject.FromObject(inputs));
        return BotTestHost.Submit(data);
    });

    /// <summary>A card submit with this data, as if pressed on a card (no card needed).</summary>
    public Conversation Submit(object data) => Turn("Submit(...)", () => BotTestHost.Submit(data));

    /// <summary>The user opens the chat: one conversationUpdate adding the bot and the user, as the Emulator sends it.</summary>
    public Conversation Open() => Turn("Open()", () => new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [_host.Adapter.Conversation.Bot, _host.Adapter.Conversation.User],
    });

    /// <summary>Any activity, e.g. a conversationUpdate.</summary>
    public Conversation Send(Activity activity) => Turn($"Send({activity.Type})", () => activity);

    /// <summary>Moves the fake clock (the engine catches up) and reads what the bot then says proactively.</summary>
    public Conversation Wait(TimeSpan by) => Step($"Wait({by})", async () => Arrived(await _host.AdvanceAsync(by)));

    /// <summary>The next thing the bot said is a message whose text equals <paramref name="equals"/> and/or whose text (with its card's text) contains <paramref name="contains"/>.</summary>
    public Conversation ExpectText(string? equals = null, string? contains = null) => Expect($"ExpectText({equals ?? contains})", a =>
    {
        var text = (a as IMessageActivity)?.Text ?? "";
        if (equals is not null && text != equals) return $"its text is \"{text}\", not \"{equals}\"";
        if (contains is not null && !Cards.AllText(a).Contains(contains, StringComparison.Ordinal)) return $"its text does not contain \"{contains}\"";
        return null;
    });

    /// <summary>The next thing the bot said has an Adaptive Card with a text containing <paramref name="contains"/>, and passes <paramref name="check"/>.</summary>
    public Conversation ExpectCard(string? contains = null, Action<JObject>? check = null) => Expect($"ExpectCard({contains})", a =>
    {
        if (Cards.Of(a) is not { } card) return "it has no Adaptive Card";
        if (contains is not null && !Cards.Texts(card).Any(t => t.Contains(contains, StringComparison.Ordinal))) return $"no text of its card contains \"{contains}\"";
        check?.Invoke(card);
        return null;
    });

    /// <summary>The next thing the bot said passes <paramref name="check"/> (which throws to fail).</summary>
    public Conversation Expect(Action<IActivity> check) => Expect("Expect(...)", a =>
    {
        check(a);
        return null;
    });

    /// <summary>The bot said nothing more because of the last step.</summary>
    public Conversation ExpectNothingMore() => Step("ExpectNothingMore()", () =>
    {
        if (_unread.Count > 0) throw Fail($"the bot also said: {Describe(_unread.Peek())}");
        return Task.CompletedTask;
    });

    public TaskAwaiter GetAwaiter() => _steps.GetAwaiter();

    private Conversation Turn(string name, Func<Activity> activity) => Step(name, async () =>
    {
        _unread.Clear();
        Arrived(await _host.SendAsync(activity()));
    });

    private Conversation Expect(string name, Func<IActivity, string?> problem) => Step(name, () =>
    {
        if (!_unread.TryDequeue(out var next)) throw Fail("the bot said nothing more");
        if (problem(next) is { } why) throw Fail($"{why}; the bot said: {Describe(next)}");
        return Task.CompletedTask;
    });

    private Conversation Step(string name, Func<Task> step)
    {
        var previous = _steps;
        _steps = Run();
        return this;

        async Task Run()
        {
            await previous;
            _lastStep = name;
            await step();
        }
    }

    private void Arrived(IReadOnlyList<IActivity> activities)
    {
        foreach (var a in activities) _unread.Enqueue(a);
        _received.AddRange(activities);
    }

    private DialogAssertionException Fail(string what) => new($"{_lastStep}: {what}.");

    private static string Describe(IActivity activity)
    {
        var text = Cards.AllText(activity).Replace("\n", " | ", StringComparison.Ordinal);
        return $"[{activity.Type}] \"{(text.Length > 400 ? text[..400] + "…" : text)}\"";
    }
}
