using MeetingBot.Web.Bot;
using MeetingBot.Web.Bot.Flows;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// Who a chat is. Teams: the organization from channelData.tenant.id and the person from from.aadObjectId, through
/// the tenant's directory; nobody is guessed. The Emulator in local dev mode: its user id picks a demo user.
/// Anything else: a polite refusal, no state, no money.
/// </summary>
public sealed class ChatIdentityTests
{
    private const string MegansObjectId = "a0000000-0000-4000-8000-00000000e9a0";

    /// <summary>A message as Teams delivers it: the sender's Entra object id and the organization's tenant id.</summary>
    private static Activity FromTeams(string text, string? aadObjectId, string? aadTenantId = BotHarness.AadTenantId) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount("29:" + (aadObjectId ?? "someone"), "Teams user") { AadObjectId = aadObjectId },
        ChannelData = aadTenantId is null ? null : new JObject { ["tenant"] = new JObject { ["id"] = aadTenantId } },
    };

    private static Activity FromEmulator(string text, string emulatorUserId) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        From = new ChannelAccount(emulatorUserId, "User"),
    };

    private static string Text(IActivity a) => a.AsMessageActivity().Text ?? "";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Teams_MappedPerson_IsThatUserOfThatOrganization_InDevModeOrNot(bool localDevMode)
    {
        var h = BotHarness.Create(localDevMode: localDevMode, channelId: Channels.Msteams);

        await h.Flow()
            .Send(FromTeams("whoami", BotHarness.AadObjectIdOf("nestor")))
            .AssertReply(a => Assert.Contains("You are acting as **Nestor Wilke**", Text(a)))
            .Send(FromTeams("whoami", BotHarness.AadObjectIdOf("adele").ToUpperInvariant()))
            .AssertReply(a => Assert.Contains("**Adele Vance**", Text(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_OrganizationNotServed_PoliteRefusal_AndNothingElse()
    {
        var h = BotHarness.Create(channelId: Channels.Msteams);
        var stranger = "d1e2f3a4-0000-4000-8000-0000000000aa";
        // Teams' own conversation.tenantId is overwritten by the test adapter; channelData.tenant.id says who it is.
        await h.Flow()
            .Send(FromTeams("add funds 777", BotHarness.AadObjectIdOf("nestor"), aadTenantId: stranger))
            .AssertReply(a => Assert.Equal(ChatIdentityResolver.UnknownOrganization(stranger), Text(a)))
            .Send(FromTeams("whoami", BotHarness.AadObjectIdOf("nestor"), aadTenantId: stranger))
            .AssertReply(a => Assert.Equal(ChatIdentityResolver.UnknownOrganization(stranger), Text(a)))
            .StartTestAsync();

        Assert.Equal(0m, h.Engine.GetCreditBalance(BotHarness.TenantId).Value);
        Assert.Null(await h.References.GetAsync(BotHarness.TenantId, "nestor"));
        Assert.Empty(h.StoredItems);
    }

    [Fact]
    public async Task Teams_PersonNotInTheDirectory_IsToldWhoToAsk_WithTheirObjectId_AndCannotSpend()
    {
        var h = BotHarness.Create(channelId: Channels.Msteams);

        await h.Flow()
            .Send(FromTeams("schedule Budget", MegansObjectId))
            .AssertReply(a => Assert.Equal(ChatIdentityResolver.UnknownPerson("Contoso Ltd", MegansObjectId), Text(a)))
            .Send(FromTeams("whoami", aadObjectId: null))
            .AssertReply(a => Assert.Equal(ChatIdentityResolver.UnknownPerson("Contoso Ltd", null), Text(a)))
            .StartTestAsync();

        Assert.Empty(h.Engine.ListMeetings(BotHarness.TenantId, "megan"));
        Assert.Empty(h.StoredItems);
    }

    [Fact]
    public async Task Teams_AdminMapsAPerson_TheirNextChatIsThem()
    {
        var h = BotHarness.Create(channelId: Channels.Msteams);

        await h.Flow()
            .Send(FromTeams("map megan to " + MegansObjectId, BotHarness.AadObjectIdOf("adele")))
            .AssertReply(a => Assert.Equal(MeetingBot.Engine.EngineMessages.For(MeetingBot.Engine.EngineError.NotTenantAdmin), Text(a)))
            .Send(FromTeams("map megan to not-a-guid", BotHarness.AadObjectIdOf("nestor")))
            .AssertReply(a => Assert.Equal(MeetingBot.Engine.EngineMessages.For(MeetingBot.Engine.EngineError.InvalidDirectoryId), Text(a)))
            .Send(FromTeams("map megan to " + MegansObjectId, BotHarness.AadObjectIdOf("nestor")))
            .AssertReply(a => Assert.Contains($"Megan Bowen is now {MegansObjectId} in Teams", Text(a)))
            .Send(FromTeams("whoami", MegansObjectId))
            .AssertReply(a => Assert.Contains("**Megan Bowen**", Text(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_ActAs_IsRefused_AndTheSenderStaysWhoTeamsSays()
    {
        var h = BotHarness.Create(channelId: Channels.Msteams);

        await h.Flow()
            .Send(FromTeams("act as nestor", BotHarness.AadObjectIdOf("adele")))
            .AssertReply(a => Assert.Equal(IdentityFlow.SwitchingNotAllowed, Text(a)))
            .Send(FromTeams("add funds 777", BotHarness.AadObjectIdOf("adele")))
            .AssertReply(a => Assert.DoesNotContain("Added", Text(a)))
            .StartTestAsync();

        Assert.Equal(0m, h.Engine.GetCreditBalance(BotHarness.TenantId).Value);
    }

    [Fact]
    public async Task Teams_NonAdmin_IsNotToldToActAsTheAdmin()
    {
        var h = BotHarness.Create(channelId: Channels.Msteams);

        await h.Flow()
            .Send(FromTeams("admin", BotHarness.AadObjectIdOf("adele")))
            .AssertReply(a => Assert.Equal(MeetingBot.Engine.EngineMessages.For(MeetingBot.Engine.EngineError.NotTenantAdmin), Text(a)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Teams_DialInFromChat_IsNotACallToTheBridge_TheyAreToldToUseAPhone()
    {
        var h = BotHarness.Create(channelId: Channels.Msteams);
        var meeting = h.Engine.ScheduleMeeting(BotHarness.TenantId, "adele", "Budget", BotHarness.Start, BotHarness.Start.AddHours(1)).Value!;
        var pin = h.Engine.GetUser(BotHarness.TenantId, "adele").Value!.OrganizerPin;

        await h.Flow()
            .Send(FromTeams($"dial in {meeting.ConferenceId}# pin {pin}#", BotHarness.AadObjectIdOf("nestor")))
            .AssertReply(a => Assert.Equal(Web.Bot.Flows.PhoneFlow.DialInByPhone("+14056660187"), Text(a)))
            .StartTestAsync();

        Assert.Empty(h.Engine.GetMeeting(BotHarness.TenantId, meeting.Id).Value!.Present);
    }

    [Fact]
    public async Task Teams_ProactiveNotices_GoToTheChatOfThePersonTeamsNamed()
    {
        var h = BotHarness.Create(channelId: Channels.Msteams);
        await h.Flow()
            .Send(FromTeams("whoami", BotHarness.AadObjectIdOf("nestor")))
            .AssertReply(_ => { })
            .StartTestAsync();

        Assert.NotNull(await h.References.GetAsync(BotHarness.TenantId, "nestor"));
        Assert.Null(await h.References.GetAsync(BotHarness.TenantId, h.Settings.DefaultUserId));
    }

    [Theory]
    [InlineData("megan", "Megan Bowen")]
    [InlineData("LEE@contoso.example", "Lee Gu")]
    [InlineData("a0000000-0000-4000-8000-0000000e5702", "Nestor Wilke")]
    [InlineData("3f8e6b8a-5c1d-4b44-9a0e-1c2d3e4f5a6b", "Adele Vance")] // the Emulator's own random id: the default user
    public async Task Emulator_LocalDevMode_TheEmulatorsUserIdPicksTheDemoUser(string emulatorUserId, string expected)
    {
        var h = BotHarness.Create(channelId: Channels.Emulator);

        await h.Flow()
            .Send(FromEmulator("whoami", emulatorUserId))
            .AssertReply(a => Assert.Contains($"**{expected}**", Text(a)))
            .StartTestAsync();
    }

    [Theory]
    [InlineData(false, Channels.Emulator)]
    [InlineData(false, Channels.Test)]
    [InlineData(true, Channels.Webchat)]
    [InlineData(true, Channels.Directline)]
    public async Task NotTeams_OutsideTheLocalDemo_IsRefused_NoStateNoMoney(bool localDevMode, string channel)
    {
        var h = BotHarness.Create(localDevMode: localDevMode, channelId: channel);

        await h.Flow()
            .Send(FromEmulator("act as nestor", "nestor"))
            .AssertReply(a => Assert.Equal(ChatIdentityResolver.OnlyTeams, Text(a)))
            .Send(FromEmulator("add funds 777", "nestor"))
            .AssertReply(a => Assert.Equal(ChatIdentityResolver.OnlyTeams, Text(a)))
            .StartTestAsync();

        Assert.Equal(0m, h.Engine.GetCreditBalance(BotHarness.TenantId).Value);
        Assert.Empty(h.StoredItems);
    }
}
