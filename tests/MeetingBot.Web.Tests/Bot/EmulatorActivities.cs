using Newtonsoft.Json.Linq;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>Activities as the Bot Framework Emulator posts them: no auth, roles on from and recipient, its clock's timestamps.</summary>
public static class EmulatorActivities
{
    public static JObject Create(string type, string id, string serviceUrl, string conversationId, string userId, string botId,
        string localTimestamp = "2025-03-10T15:00:00+00:00") => new()
    {
        ["type"] = type,
        ["id"] = id,
        ["timestamp"] = "2025-03-10T15:00:00.000Z",
        ["localTimestamp"] = localTimestamp,
        ["serviceUrl"] = serviceUrl,
        ["channelId"] = "emulator",
        ["from"] = new JObject { ["id"] = userId, ["name"] = "User", ["role"] = "user" },
        ["conversation"] = new JObject { ["id"] = conversationId },
        ["recipient"] = new JObject { ["id"] = botId, ["name"] = "Bot", ["role"] = "bot" },
    };
}
