using MeetingBot.ManifestPackager;

namespace MeetingBot.Manifest.Tests;

public sealed class ManifestContentTests
{
    [Fact]
    public void Bot_Scopes_ArePersonalTeamAndGroupChat()
    {
        var bot = CommittedManifest.Bot(CommittedManifest.Load());

        Assert.Equal(["groupChat", "personal", "team"], CommittedManifest.Strings(bot["scopes"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bot_CallingFlags_AreOff()
    {
        // Call me and dial-out legs are simulated by the conference engine; the bot registers no Teams calling
        // webhook, so claiming supportsCalling would make Teams route real calls to an endpoint that has none.
        var bot = CommittedManifest.Bot(CommittedManifest.Load());

        Assert.False(bot["supportsCalling"]?.GetValue<bool>() ?? false);
        Assert.False(bot["supportsVideo"]?.GetValue<bool>() ?? false);
        Assert.False(bot["isNotificationOnly"]?.GetValue<bool>() ?? false);
    }

    [Theory]
    [InlineData("OnlineMeeting.ReadBasic.Chat")] // meeting start/end events in meeting chats
    [InlineData("OnlineMeetingParticipant.Read.Chat")] // participant join/leave: the hang-up-both-ends reminder
    [InlineData("ChannelMeeting.ReadBasic.Group")] // meeting start/end events in channel meetings
    public void Authorization_MeetingEventPermission_IsGrantedAsApplication(string permission)
    {
        var granted = CommittedManifest.Load()["authorization"]!["permissions"]!["resourceSpecific"]!.AsArray()
            .Select(p => (Name: p!["name"]!.GetValue<string>(), Type: p["type"]!.GetValue<string>()));

        Assert.Contains((permission, "Application"), granted);
    }

    [Fact]
    public void WebApplicationInfo_Id_IsTheBotId()
    {
        // Resource-specific consent is granted to the Entra app named here; it must be the bot's own.
        var manifest = CommittedManifest.Load();

        Assert.Equal(
            CommittedManifest.Bot(manifest)["botId"]!.GetValue<string>(),
            manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public void DefaultGroupCapability_Meetings_IsTheBot()
    {
        var capability = CommittedManifest.Load()["defaultGroupCapability"]!;

        Assert.Equal("bot", capability["meetings"]!.GetValue<string>());
        Assert.Equal("bot", capability["groupchat"]!.GetValue<string>());
    }

    [Fact]
    public void CommittedManifest_Ids_AreThePackagerPlaceholder()
    {
        var manifest = CommittedManifest.Load();

        Assert.Equal(AppPackageBuilder.PlaceholderBotId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppPackageBuilder.PlaceholderBotId, CommittedManifest.Bot(manifest)["botId"]!.GetValue<string>());
    }

    [Fact]
    public void CommittedManifest_ValidDomains_AreThePackagerPlaceholderHost()
    {
        var domains = CommittedManifest.Strings(CommittedManifest.Load()["validDomains"]);

        Assert.Equal([AppPackageBuilder.PlaceholderHostName], domains);
    }

    [Fact]
    public void ManifestFolder_Files_AreOnlyThePackageInputsAndReadme()
    {
        // Anything else in manifest/ would be silently left out of the zip.
        var files = Directory.GetFiles(RepoPaths.ManifestDirectory).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["README.md", "color.png", "manifest.json", "outline.png"], files);
    }
}
