using MeetingBot.Web.Hubs;

namespace MeetingBot.Testing;

/// <summary>One SignalR push the host would send.</summary>
/// <param name="Audience">The hub groups that would hear it (see <see cref="HubGroups"/>: <c>user:{tenant}:{user}</c>, meeting shards, <c>admins:{tenant}</c>).</param>
/// <param name="Method">The client method, as on the wire (e.g. CallingFeatureUnavailable).</param>
/// <param name="Message">The message object (e.g. a CallingFeatureUnavailableMessage).</param>
public sealed record Push(IReadOnlyList<string> Audience, string Method, object Message)
{
    /// <summary>Whether <paramref name="userId"/> of <paramref name="tenantId"/> hears it through their personal group.</summary>
    public bool IsFor(string tenantId, string userId) => Audience.Contains(HubGroups.User(tenantId, userId));
}
