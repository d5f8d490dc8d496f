using System.Net.Http.Json;
using System.Text;
using MeetingBot.Cluster;
using MeetingBot.Cluster.Commands;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Tests.Api;
using MeetingBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Web.Tests.Reliability;

/// <summary>
/// A host with the demo tenant "contoso" and a copy of it, "fabrikam", with the same user ids (so an id alone can
/// never pick the wrong tenant) and its own bridge numbers. Contoso's adele has a meeting with a live Call me leg.
/// </summary>
public static class TwoTenants
{
    public const string Other = "fabrikam";

    public static void AddFabrikam(MeetingBotAppFactory host)
    {
        // The demo tenant's people under another id, with their own bridge numbers.
        var seed = TenantBuilder.Demo().Configure(s =>
        {
            s.Id = Other;
            s.Name = "Fabrikam Inc";
            s.Bridge.TollNumber = "+12065550142";
            s.Bridge.TollFreeNumber = "+18885550142";
            s.Bridge.LocalNumbers = [];
        }).Build();
        host.Services.GetRequiredService<TenantCatalog>().Add(seed);
    }

    public static async Task<string> TokenAsync(MeetingBotAppFactory host, string tenantId, string userId)
    {
        using var anonymous = host.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/dev/signin", new { userId, tenantId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignedInUserView>())!.AccessToken;
    }

    public static async Task<HttpClient> ClientForAsync(MeetingBotAppFactory host, string tenantId, string userId)
    {
        var token = await TokenAsync(host, tenantId, userId);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>Everything about a tenant a cross-tenant request could change, as one comparable string.</summary>
    public static async Task<string> SnapshotAsync(MeetingBotAppFactory host, string tenantId)
    {
        var tenants = host.Tenants;
        var text = new StringBuilder();
        foreach (var u in await tenants.Ask(tenantId, new ListUsers()))
        {
            text.Append($"user {u.Id} {string.Join(',', u.Licenses.Order())} {u.DialOutPermission}\n");
            foreach (var m in await tenants.Ask(tenantId, new ListMeetings(u.Id)))
            {
                text.Append($"  meeting {m.Id} ended={m.IsEnded} lobby={m.Lobby.Bypass} participants={m.Participants.Count}\n");
                foreach (var l in await tenants.Ask(tenantId, new ListLegs(m.Id)))
                    text.Append($"    leg {l.Id} {l.State} paid={l.MinutesPaid}\n");
            }
        }
        text.Append($"balance {(await tenants.Ask(tenantId, new GetCreditBalance())).Value}\n");
        text.Append($"audit {(await tenants.Ask(tenantId, new GetAuditLog("nestor", 5000))).Value!.Count}\n");
        return text.ToString();
    }
}
