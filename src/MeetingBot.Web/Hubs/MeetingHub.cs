using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace MeetingBot.Web.Hubs;

/// <summary>
/// /hubs/meeting. Thin and stateless: the caller is always the authenticated user; each connection joins its
/// user group (and the admins group for tenant admins) and, on request, the groups of meetings it is in.
/// </summary>
[Authorize]
public sealed class MeetingHub(ITenants tenants, MeetingConnectionCounter counter) : Hub<IMeetingClient>
{
    private const string JoinedMeetingsKey = "meetings";

    public override async Task OnConnectedAsync()
    {
        var me = Me;
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.User(me.TenantId, me.UserId));
        if (me.IsTenantAdmin) await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Admins(me.TenantId));
        await base.OnConnectedAsync();
    }

    /// <summary>Subscribes to a meeting's pushes and returns its current state. Only for the organizer and participants.</summary>
    public async Task<MeetingSnapshot> JoinMeeting(string meetingId)
    {
        var me = Me;
        var details = await tenants.Ask(me.TenantId, new GetMeetingDetails(meetingId ?? ""));
        if (!details.IsSuccess || !ViewMapper.IsMember(details.Value!.Meeting, me.UserId))
            throw new HubException(EngineMessages.For(EngineError.NotMeetingParticipant));
        var meeting = details.Value!.Meeting;
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Meeting(me.TenantId, meeting.Id, Context.ConnectionId));
        var key = HubGroups.MeetingKey(me.TenantId, meeting.Id);
        if (JoinedMeetings.Add(key)) counter.Joined(key);
        return new MeetingSnapshot(meeting.Id, meeting.Subject, meeting.IsEnded,
            // Who is here now; every earlier session (each rejoin is one) stays in GET /api/meetings/{id}. Sending the
            // whole history made each reconnect cost more the longer the meeting ran.
            meeting.Present.Select(p => p.ToView()).ToList(),
            details.Value.Legs.Select(l => l.ToView()).ToList(),
            await MyOrphanedLegsAsync(me));
    }

    public async Task LeaveMeetingGroup(string meetingId)
    {
        var (tenantId, id) = (Me.TenantId, meetingId ?? "");
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, HubGroups.Meeting(tenantId, id, Context.ConnectionId));
        var key = HubGroups.MeetingKey(tenantId, id);
        if (JoinedMeetings.Remove(key)) counter.Left(key);
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        // SignalR drops a closed connection from its groups by itself; the counts are ours to keep.
        foreach (var key in JoinedMeetings) counter.Left(key);
        JoinedMeetings.Clear();
        await base.OnDisconnectedAsync(exception);
    }

    /// <summary>The caller's phone legs still connected after they left: what a reconnecting client must warn about first.</summary>
    public async Task<IReadOnlyList<CallLegView>> GetMyOrphanedLegs() => await MyOrphanedLegsAsync(Me);

    private CurrentUser Me => CurrentUser.From(Context.User);

    /// <summary>The meetings this connection listens to (one hub invocation at a time per connection, so no lock).</summary>
    private HashSet<string> JoinedMeetings
    {
        get
        {
            if (Context.Items.TryGetValue(JoinedMeetingsKey, out var joined)) return (HashSet<string>)joined!;
            var created = new HashSet<string>(StringComparer.Ordinal);
            Context.Items[JoinedMeetingsKey] = created;
            return created;
        }
    }

    private async Task<List<CallLegView>> MyOrphanedLegsAsync(CurrentUser me) =>
        (await tenants.Ask(me.TenantId, new ListOrphanedLegs(me.UserId))).Select(l => l.ToView()).ToList();
}
