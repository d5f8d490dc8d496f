using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>`act as` is the local demo's way to be someone else (refusals: <see cref="ChatIdentityTests"/>).</summary>
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
}
