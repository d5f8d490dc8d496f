using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Licensing;
using MeetingBot.Web.Bot.Cards;

namespace MeetingBot.Web.Bot.Flows;

/// <summary>Who the chat acts as in the demo tenant.</summary>
public sealed class IdentityFlow(ITenants tenants, ChatIdentityResolver identities)
{
    public const string SwitchingNotAllowed =
        "Switching users is part of the local demo: it works only in the Bot Framework Emulator while MeetingBot runs in local dev mode. Here you are who your sign-in says you are.";

    public async Task WhoAmIAsync(BotTurn turn)
    {
        var user = (await tenants.Ask(turn.TenantId, new GetUser(turn.UserId)));
        if (!user.IsSuccess)
        {
            await turn.SayAsync(user.Message!);
            return;
        }
        var u = user.Value!;
        var licenses = u.Licenses.Count == 0 ? "none" : string.Join(", ", u.Licenses.Order().Select(SkuCatalog.ShortName));
        var ac = u.Has(Capability.MCOMEETADD) ? "with Audio Conferencing: your invites carry dial-in details" : "without Audio Conferencing: your invites have the join link only";
        await turn.SayAsync($"You are acting as **{u.DisplayName}** ({u.Id}, {u.Upn}){(u.IsTenantAdmin ? ", tenant admin" : "")}, {ac}. Licenses: {licenses}. Dial-out from meetings: {AdminCard.PermissionText(u.DialOutPermission)}.");
    }

    /// <summary>"Reset PIN" from the invite: a new organizer PIN, entered after the conference ID to start the meeting by phone.</summary>
    public async Task ResetPinAsync(BotTurn turn)
    {
        var pin = (await tenants.Ask(turn.TenantId, new ResetOrganizerPin(turn.UserId)));
        await turn.SayAsync(pin.IsSuccess
            ? $"Your new organizer dial-in PIN is {pin.Value}. Enter it after the conference ID (`dial in <conference id># pin {pin.Value}`) to start your meetings by phone without waiting in the lobby."
            : pin.Message!);
    }

    /// <summary>Switches to a demo user named by id, display name or first name.</summary>
    public async Task ActAsAsync(BotTurn turn, string who)
    {
        // Anyone could become the tenant admin and spend money: only the local demo, and only from the Emulator
        // (or Bot Builder's in-process test channel); a real channel's user is who its token says.
        if (!identities.IsLocalDemo(turn.Context.Activity))
        {
            await turn.SayAsync(SwitchingNotAllowed);
            return;
        }
        var wanted = who.Trim();
        var users = (await tenants.Ask(turn.TenantId, new ListUsers()));
        var match = users.FirstOrDefault(u => string.Equals(u.Id, wanted, StringComparison.OrdinalIgnoreCase))
                    ?? users.FirstOrDefault(u => string.Equals(u.DisplayName, wanted, StringComparison.OrdinalIgnoreCase))
                    ?? users.FirstOrDefault(u => u.DisplayName.StartsWith(wanted + " ", StringComparison.OrdinalIgnoreCase));
        if (match is null)
        {
            var shown = wanted.Length > 40 ? wanted[..40] + "…" : wanted;
            await turn.SayAsync($"There is no demo user \"{shown}\". Try one of: {string.Join(", ", users.Select(u => u.Id))}.");
            return;
        }
        await turn.ActAsAsync(match.Id);
        await WhoAmIAsync(turn);
    }
}
