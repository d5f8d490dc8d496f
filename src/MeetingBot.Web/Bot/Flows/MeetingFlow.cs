using MeetingBot.Engine.Snapshots;
using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using System.Globalization;
using System.Text.RegularExpressions;
using MeetingBot.Engine;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Web.Bot.Cards;

namespace MeetingBot.Web.Bot.Flows;

/// <summary>Scheduling, the invite, the pre-join screen, joining, the roster, leaving and ending.</summary>
public sealed class MeetingFlow(ITenants tenants, TimeProvider time, NoticeLedger ledger, ConversationReferenceStore references)
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromMinutes(30);
    public const string NoCurrentMeeting = "You are not in a meeting yet. Type `schedule Weekly sync` or `join <meeting id>` first.";

    public async Task ScheduleAsync(BotTurn turn, string? subject, string? at)
    {
        var now = time.GetUtcNow();
        var start = now;
        if (!string.IsNullOrWhiteSpace(at))
        {
            if (ParseStart(at, now, turn.ViewerOffset) is not { } parsed)
            {
                await turn.SayAsync($"I could not read the time \"{at}\". Use 24-hour HH:MM, e.g. `schedule Weekly sync at 14:30`.");
                return;
            }
            start = parsed;
        }
        var result = (await tenants.Ask(turn.TenantId, new ScheduleMeeting(turn.UserId, string.IsNullOrWhiteSpace(subject) ? "Meeting" : subject, start, start + DefaultLength)));
        if (!result.IsSuccess)
        {
            await turn.SayAsync(result.Message!);
            return;
        }
        var meeting = result.Value!;
        turn.Conversation.CurrentMeetingId = meeting.Id;
        await turn.SendCardAsync(InviteCard.Build(meeting.Invite, turn.ViewerOffset),
            $"Scheduled **{meeting.Subject}** (meeting {meeting.Id}). Here is the invite.");
    }

    /// <summary>"14:30", "9", "9am", "2:30 pm" in the viewer's offset; the next such time from now (within a minute of now counts as now).</summary>
    public static DateTimeOffset? ParseStart(string text, DateTimeOffset now, TimeSpan offset)
    {
        var m = Regex.Match(text.Trim(), "^(?<h>\\d{1,2})(:(?<m>\\d{2}))?\\s*(?<ampm>am|pm)?$", RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture);
        if (!m.Success) return null;
        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["ampm"].Success)
        {
            if (hour is < 1 or > 12) return null;
            var pm = m.Groups["ampm"].Value.Equals("pm", StringComparison.OrdinalIgnoreCase);
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59) return null;
        var local = now.ToOffset(offset);
        var candidate = new DateTimeOffset(local.Year, local.Month, local.Day, hour, minute, 0, offset);
        if (candidate < local.AddMinutes(-1)) candidate = candidate.AddDays(1);
        return candidate.ToUniversalTime();
    }

    public async Task ListAsync(BotTurn turn)
    {
        var mine = await tenants.Ask(turn.TenantId, new ListUserMeetings(turn.UserId));
        await turn.SendCardAsync(MeetingsCard.Build(mine.User?.DisplayName ?? turn.UserId, mine.Meetings, turn.ViewerOffset));
    }

    /// <summary>`join` with no meeting named: the meeting this chat is in, else the user's only meeting, else the list to pick from.</summary>
    public async Task JoinWhichAsync(BotTurn turn)
    {
        if (turn.Conversation.CurrentMeetingId is { } current
            && (await tenants.Ask(turn.TenantId, new GetMeeting(current))) is { IsSuccess: true, Value.IsEnded: false })
        {
            await ShowPreJoinAsync(turn, current);
            return;
        }
        var open = (await tenants.Ask(turn.TenantId, new ListMeetings(turn.UserId))).Where(m => !m.IsEnded).ToList();
        if (open.Count == 1)
        {
            await ShowPreJoinAsync(turn, open[0].Id);
            return;
        }
        var user = await tenants.Ask(turn.TenantId, new GetUser(turn.UserId));
        await turn.SendCardAsync(MeetingsCard.Build(user.Value?.DisplayName ?? turn.UserId, open, turn.ViewerOffset),
            open.Count == 0 ? "You have no meetings to join. Type `schedule` to create one." : "Which meeting? Press Join on one of these, or type `join` and its number.");
    }

    public async Task ShowPreJoinAsync(BotTurn turn, string? meetingId)
    {
        var meeting = (await tenants.Ask(turn.TenantId, new GetMeeting(Clean(meetingId) ?? "")));
        if (!meeting.IsSuccess)
        {
            await turn.SayAsync(meeting.Message!);
            return;
        }
        var m = meeting.Value!;
        if (m.IsEnded)
        {
            await turn.SayAsync(EngineMessages.For(EngineError.MeetingEnded));
            return;
        }
        turn.Conversation.CurrentMeetingId = m.Id;
        var organizerHasAc = (await tenants.Ask(turn.TenantId, new GetUser(m.OrganizerId))).Value?.Has(Capability.MCOMEETADD) ?? false;
        await turn.SendCardAsync(PreJoinCard.Build(m, organizerHasAc));
    }

    public async Task JoinAsync(BotTurn turn, string? meetingId, AudioMode audio)
    {
        var joined = (await tenants.Ask(turn.TenantId, new JoinMeeting(turn.UserId, Clean(meetingId) ?? "", audio)));
        if (!joined.IsSuccess)
        {
            await turn.SayAsync(joined.Message!);
            return;
        }
        turn.Conversation.CurrentMeetingId = Clean(meetingId);
        var notice = joined.Value!.InLobby
            ? "You are in the lobby. The organizer will let you in."
            : audio == AudioMode.NoAudio ? "You joined without audio." : "You joined with computer audio.";
        await SendRosterAsync(turn, Clean(meetingId), notice);
    }

    public async Task SendRosterAsync(BotTurn turn, string? meetingId, string? notice = null)
    {
        var id = meetingId ?? turn.Conversation.CurrentMeetingId;
        if (id is null)
        {
            await turn.SayAsync(NoCurrentMeeting);
            return;
        }
        var meeting = (await tenants.Ask(turn.TenantId, new GetMeeting(id)));
        if (!meeting.IsSuccess)
        {
            await turn.SayAsync(meeting.Message!);
            return;
        }
        var posted = await turn.SendCardAsync(RosterCard.Build(meeting.Value!, (await tenants.Ask(turn.TenantId, new ListLegs(id))), turn.UserId), notice);
        // Kept so the card can be updated in place when the meeting changes under it (a phone that was ringing answers).
        if (posted?.Id is { Length: > 0 } activityId && turn.Context.Activity.Conversation?.Id is { } conversationId)
            await references.SaveRosterCardAsync(turn.TenantId, turn.UserId, new PostedCard(id, conversationId, activityId), turn.CancellationToken);
    }

    /// <summary>The organizer's lobby card: who is waiting (with Admit buttons) and the lobby settings.</summary>
    public async Task ShowLobbyAsync(BotTurn turn, string? meetingId, string? notice = null)
    {
        if (await OrganizersMeetingAsync(turn, meetingId) is not { } meeting) return;
        await turn.SendCardAsync(LobbyCard.Build(meeting), notice);
    }

    /// <summary>
    /// Lets someone in from the lobby, named by participant id, display name or phone number; with nobody named,
    /// everyone waiting ("Admit all").
    /// </summary>
    public async Task AdmitAsync(BotTurn turn, string? meetingId, string? who)
    {
        if (await OrganizersMeetingAsync(turn, meetingId) is not { } meeting) return;
        var waiting = LobbyCard.Waiting(meeting);
        var wanted = string.IsNullOrWhiteSpace(who) ? null : who.Trim();
        var chosen = wanted is null ? waiting : waiting.Where(p => IsNamed(p, wanted)).ToList();
        if (chosen.Count == 0)
        {
            var shown = wanted is { Length: > 40 } ? wanted[..40] + "…" : wanted;
            await turn.SayAsync(wanted is null
                ? $"Nobody is waiting in the lobby of meeting {meeting.Id}."
                : $"Nobody called \"{shown}\" is waiting in the lobby of meeting {meeting.Id}. Type `lobby` to see who is.");
            return;
        }
        var admitted = new List<string>();
        foreach (var participant in chosen)
        {
            var result = (await tenants.Ask(turn.TenantId, new Admit(turn.UserId, meeting.Id, participant.Id)));
            if (!result.IsSuccess)
            {
                await turn.SayAsync(result.Message!);
                return;
            }
            admitted.Add(result.Value!.DisplayName);
        }
        await SendRosterAsync(turn, meeting.Id, $"Admitted {string.Join(", ", admitted)} to meeting {meeting.Id}.");
    }

    /// <summary>"Meeting options": who bypasses the lobby, and whether callers dialing in do.</summary>
    public async Task SetLobbyAsync(BotTurn turn, string? meetingId, string? bypassText, string? dialInText)
    {
        if (await OrganizersMeetingAsync(turn, meetingId) is not { } meeting) return;
        if (!Enum.TryParse<LobbyBypass>(bypassText, ignoreCase: true, out var bypass) || !Enum.IsDefined(bypass) || bypassText!.All(char.IsAsciiDigit))
        {
            await turn.SayAsync("Pick who can bypass the lobby on the lobby card.");
            return;
        }
        var dialIn = string.Equals(dialInText, "true", StringComparison.OrdinalIgnoreCase);
        var result = (await tenants.Ask(turn.TenantId, new SetLobby(turn.UserId, meeting.Id, new LobbySettings(bypass, dialIn))));
        if (!result.IsSuccess)
        {
            await turn.SayAsync(result.Message!);
            return;
        }
        var who = LobbyCard.BypassChoices.First(c => c.Value == bypass).Title;
        await ShowLobbyAsync(turn, meeting.Id,
            $"Lobby settings saved: {who} can bypass the lobby; people dialing in {(dialIn ? "can" : "wait in the lobby")}.");
    }

    /// <summary>The meeting (named, or the chat's current one) when the acting user organizes it; otherwise says why not.</summary>
    private async Task<MeetingSnapshot?> OrganizersMeetingAsync(BotTurn turn, string? meetingId)
    {
        var id = Clean(meetingId) ?? turn.Conversation.CurrentMeetingId;
        if (id is null)
        {
            await turn.SayAsync(NoCurrentMeeting);
            return null;
        }
        var meeting = (await tenants.Ask(turn.TenantId, new GetMeeting(id)));
        if (!meeting.IsSuccess)
        {
            await turn.SayAsync(meeting.Message!);
            return null;
        }
        var m = meeting.Value!;
        if (!string.Equals(m.OrganizerId, turn.UserId, StringComparison.OrdinalIgnoreCase))
        {
            await turn.SayAsync(EngineMessages.For(EngineError.NotMeetingOrganizer));
            return null;
        }
        if (m.IsEnded)
        {
            await turn.SayAsync(EngineMessages.For(EngineError.MeetingEnded));
            return null;
        }
        return m;
    }

    private static bool IsNamed(ParticipantSnapshot p, string wanted)
    {
        if (string.Equals(p.Id, wanted, StringComparison.OrdinalIgnoreCase) || string.Equals(p.DisplayName, wanted, StringComparison.OrdinalIgnoreCase))
            return true;
        // A caller is shown by number: "405 555 0123", "+1 405-555-0123" and "+14055550123" all name them.
        var wantedDigits = new string(wanted.Where(char.IsAsciiDigit).ToArray());
        var nameDigits = new string(p.DisplayName.Where(char.IsAsciiDigit).ToArray());
        return p.IsPhoneOnly && wantedDigits.Length >= 7 && nameDigits.EndsWith(wantedDigits, StringComparison.Ordinal);
    }

    public async Task LeaveAsync(BotTurn turn, string? meetingId)
    {
        var id = Clean(meetingId) ?? turn.Conversation.CurrentMeetingId;
        if (id is null)
        {
            await turn.SayAsync(NoCurrentMeeting);
            return;
        }
        ledger.MarkTold(NoticeLedger.Reminder(turn.UserId, id));
        var left = (await tenants.Ask(turn.TenantId, new LeaveMeeting(turn.UserId, id)));
        if (!left.IsSuccess)
        {
            await turn.SayAsync(left.Message!);
            return;
        }
        var stillUp = left.Value!;
        if (stillUp.Count == 0)
        {
            await turn.SayAsync($"You left meeting {id}.");
            return;
        }
        await RemindAsync(turn, $"You left meeting {id} in the client, but your phone did not.", stillUp);
    }

    public async Task EndAsync(BotTurn turn, string? meetingId)
    {
        var id = Clean(meetingId) ?? turn.Conversation.CurrentMeetingId;
        if (id is null)
        {
            await turn.SayAsync(NoCurrentMeeting);
            return;
        }
        ledger.MarkTold(NoticeLedger.Reminder(turn.UserId, id));
        var ended = (await tenants.Ask(turn.TenantId, new EndMeeting(turn.UserId, id)));
        if (!ended.IsSuccess)
        {
            await turn.SayAsync(ended.Message!);
            return;
        }
        var myPhone = (await tenants.Ask(turn.TenantId, new ListLegs(id)))
            .Where(l => l.IsLive && l.Kind == CallLegKind.CallMe && string.Equals(l.RequestedByUserId, turn.UserId, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (myPhone.Count == 0)
        {
            await turn.SayAsync($"Meeting {id} ({ended.Value!.Subject}) has ended for everyone.");
            return;
        }
        await RemindAsync(turn, $"Meeting {id} has ended for everyone in the client, but your phone is still connected.", myPhone);
    }

    private async Task RemindAsync(BotTurn turn, string text, IReadOnlyList<CallLegSnapshot> legs)
    {
        var now = time.GetUtcNow();
        foreach (var leg in legs)
        {
            var connectedFor = leg.ConnectedAt is { } c ? now - c : TimeSpan.Zero;
            await turn.SendCardAsync(HangUpReminderCard.Build(leg.MeetingId, leg.Id, leg.ToNumber, connectedFor), text + " " + EngineMessages.HangUpBothEnds);
        }
    }

    /// <summary>Meeting ids are typed as "3" or "#3".</summary>
    public static string? Clean(string? meetingId) => meetingId?.Trim().TrimStart('#') is { Length: > 0 } id ? id : null;
}
