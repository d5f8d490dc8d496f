using MeetingBot.Web.Bot;
using Microsoft.Bot.Schema;
using static MeetingBot.Web.Tests.Bot.CardInspector;

namespace MeetingBot.Web.Tests.Bot;

public sealed class MeetingBotWelcomeTests
{
    private static Activity Update(BotHarness h, params ChannelAccount[] added) => new()
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = added,
        From = h.Adapter.Conversation.User,
        Recipient = h.Adapter.Conversation.Bot,
    };

    [Fact]
    public async Task ConversationUpdate_BotAndUserWithoutRoles_OneWelcomeCard()
    {
        var h = BotHarness.Create();
        var user = new ChannelAccount("emulator-user", "User");
        var bot = new ChannelAccount(h.Adapter.Conversation.Bot.Id, "Bot");
        await h.Flow()
            .Send(Update(h, bot, user))
            .AssertReply(a => Assert.Equal("Welcome to MeetingBot", Texts(Card(a))[0]))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ConversationUpdate_OnlyTheBot_NoReply()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send(Update(h, new ChannelAccount(h.Adapter.Conversation.Bot.Id, "Bot")))
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task ConversationUpdate_Repeated_GreetsOncePerUpdateAndSavesReference()
    {
        var h = BotHarness.Create();
        var user = new ChannelAccount("emulator-user", "User");
        var bot = new ChannelAccount(h.Adapter.Conversation.Bot.Id, "Bot");
        await h.Flow()
            .Send(Update(h, bot, user))
            .AssertReply(a => Assert.True(HasCard(a)))
            .Send(Update(h, bot, user))
            .AssertReply(a => Assert.Contains("Adele Vance", AllText(a)))
            .AssertNoReply()
            .StartTestAsync();
        var reference = await h.References.GetAsync(BotHarness.TenantId, "adele");
        Assert.NotNull(reference);
        Assert.Equal(h.Adapter.Conversation.Conversation.Id, reference.Conversation.Id);
    }

    [Fact]
    public async Task Message_HugeText_ClearMessageNotHelp()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send(new string('a', MeetingBot.Web.Bot.MeetingBot.MaxTextLength + 1))
            .AssertReply(a => Assert.Contains("2,001 characters", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Message_UnknownText_HelpCardNamesWhatWasTyped()
    {
        var h = BotHarness.Create();
        await h.Flow()
            .Send("make me a sandwich")
            .AssertReply(a =>
            {
                var texts = Texts(Card(a));
                Assert.Contains("Sorry, I did not understand \"make me a sandwich\".", texts);
                foreach (var command in BotCommandCatalog.Listed()) Assert.Contains(command.Example!, texts);
            })
            .StartTestAsync();
    }
}
