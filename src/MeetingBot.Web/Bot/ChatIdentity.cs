using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;

namespace MeetingBot.Web.Bot;

/// <summary>Who is speaking in a chat: a tenant and one of its users, or the reason nobody is.</summary>
public sealed record ChatIdentity(string TenantId, string UserId);

/// <summary>
/// Finds out who a chat user is, by channel. Teams says it in every activity: the organization in
/// <c>channelData.tenant.id</c> and the person in <c>from.aadObjectId</c>, both Microsoft Entra ids, looked up in the
/// tenants this deployment serves and their user directories (seeded, or mapped by an admin). Nobody is guessed: an
/// organization or a person the directory does not know gets a polite, specific refusal and nothing else.
/// The Emulator (and Bot Builder's in-process test channel) is the local demo: only in local dev mode, where the
/// Emulator's user id (its settings let you set it) picks the demo user of that id, UPN or object id, else the
/// default user; `act as` switches. Any other channel, or the Emulator outside local dev mode, is refused.
/// </summary>
public sealed class ChatIdentityResolver(ITenants tenants, BotSettings settings)
{
    public const string OnlyTeams =
        "MeetingBot answers people in Microsoft Teams, where your sign-in says who you are. This chat does not, so I can't act for anyone here.";

    public static string UnknownOrganization(string? aadTenantId) =>
        $"MeetingBot is not set up for your organization{(aadTenantId is { Length: > 0 and <= 64 } ? $" (Microsoft Entra tenant {aadTenantId})" : "")}. Ask your IT administrator to add it.";

    public static string UnknownPerson(string tenantName, string? aadObjectId) =>
        $"I don't know you yet: your Teams account is not in {tenantName}'s MeetingBot directory. Ask your Teams admin to map your account" +
        (aadObjectId is { Length: > 0 and <= 64 } ? $" (object id {aadObjectId})." : ".");

    /// <summary>
    /// The identity of the activity's sender, or null with the refusal to say. The demo's per-user profile (who `act as`
    /// chose) is read only for the Emulator, so a refused stranger leaves no state behind.
    /// </summary>
    public async Task<(ChatIdentity? Identity, string? Refusal)> ResolveAsync(ITurnContext turnContext, Func<Task<UserProfile>> profile)
    {
        var activity = turnContext.Activity;
        if (activity.ChannelId == Channels.Msteams) return await TeamsAsync(activity);
        // The web client's chat: the adapter put the signed-in user (from the sign-in cookie or bearer) in the turn state,
        // in this process. The activity's own from is never read for it.
        if (activity.ChannelId == Chat.WebChatChannel.Id)
            return turnContext.TurnState.Get<ChatIdentity>() is { } signedIn ? (signedIn, null) : (null, OnlyTeams);
        if (!IsLocalDemo(activity)) return (null, OnlyTeams);
        var demo = await profile();
        demo.ActingAs ??= await DemoUserAsync(activity.From?.Id);
        return (new ChatIdentity(settings.TenantId, demo.ActingAs), null);
    }

    /// <summary>The Emulator (or the in-process test channel) while the host runs in local dev mode: the only place `act as` works.</summary>
    public bool IsLocalDemo(IActivity activity) =>
        settings.LocalDevMode && activity.ChannelId is (Channels.Emulator or Channels.Test);

    private async Task<(ChatIdentity?, string?)> TeamsAsync(IActivity activity)
    {
        var aadTenantId = TeamsTenantId(activity);
        if (tenants.Catalog.TenantOfDirectoryId(aadTenantId) is not { } tenantId) return (null, UnknownOrganization(aadTenantId));
        var aadObjectId = activity.From?.AadObjectId;
        var user = await tenants.Ask(tenantId, new FindUserByDirectoryId(aadObjectId));
        return user.IsSuccess
            ? (new ChatIdentity(tenantId, user.Value!.Id), null)
            : (null, UnknownPerson(tenants.Catalog.Find(tenantId)?.Name ?? tenantId, aadObjectId));
    }

    /// <summary>Teams puts the organization in channelData.tenant.id; conversation.tenantId carries it too.</summary>
    private static string? TeamsTenantId(IActivity activity)
    {
        try
        {
            if (activity is Activity a && a.ChannelData is not null && a.GetChannelData<TeamsChannelData>()?.Tenant?.Id is { Length: > 0 } id) return id;
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidCastException or ArgumentException)
        {
            // channelData that is not Teams-shaped: fall back to the conversation.
        }
        return activity.Conversation?.TenantId;
    }

    /// <summary>The Emulator's user id names a demo user by id, UPN or Entra object id; anything else is the default user.</summary>
    private async Task<string> DemoUserAsync(string? emulatorUserId)
    {
        if (string.IsNullOrWhiteSpace(emulatorUserId)) return settings.DefaultUserId;
        var wanted = emulatorUserId.Trim();
        var users = await tenants.Ask(settings.TenantId, new ListUsers());
        var match = users.FirstOrDefault(u => string.Equals(u.Id, wanted, StringComparison.OrdinalIgnoreCase)
                                              || string.Equals(u.Upn, wanted, StringComparison.OrdinalIgnoreCase)
                                              || (u.AadObjectId is not null && string.Equals(u.AadObjectId, wanted, StringComparison.OrdinalIgnoreCase)));
        return match?.Id ?? settings.DefaultUserId;
    }
}
