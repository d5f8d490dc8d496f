using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>`act as` is the local demo's way to be someone else: never outside local dev mode, never from Teams.</summary>
public sealed class ActAsTests
{
    [Theory]
    [InlineData(Channels.Emulator)]
    [InlineData(Channels.Test)]
    public async Task ActAs_LocalDevModeOnTheEmulator_SwitchesUser(string channel)
    {
        var h = BotHarness.Create(localDevMode: true, channelId: channel);
        await h.Flow()
            .Send("act as nestor")
            .AssertReply(a => Assert.Contains("You are acting as **Nestor Wilke**", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData(false, Channels.Emulator)]
    [InlineData(true, Channels.Msteams)]
    [InlineData(true, Channels.Webchat)]
    public async Task ActAs_OutsideLocalDevModeOrFromARealChannel_IsRefused_AndTheUserStaysWhoTheyAre(bool localDevMode, string channel)
    {
        var h = BotHarness.Create(localDevMode: localDevMode, channelId: channel);
        await h.Flow()
            .Send("act as nestor")
            .AssertReply(a => Assert.Equal(Web.Bot.Flows.IdentityFlow.SwitchingNotAllowed, a.AsMessageActivity().Text))
            .Send("add funds 777")
            .AssertReply(a => Assert.DoesNotContain("Added", a.AsMessageActivity().Text))
            .Send("whoami")
            .AssertReply(a => Assert.Contains("**Adele Vance**", a.AsMessageActivity().Text))
            .StartTestAsync();
        Assert.Equal(0m, h.Engine.GetCreditBalance(BotHarness.TenantId).Value);
    }
}
