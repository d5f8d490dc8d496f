using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Tenancy;
using Newtonsoft.Json.Linq;
using static MeetingBot.Web.Bot.Cards.CardElements;

namespace MeetingBot.Web.Bot.Cards;

/// <summary>The Teams admin center and billing page in one card: licenses, dial-out permission, credits.</summary>
public static class AdminCard
{
    public static JObject Build(
        IReadOnlyList<UserSnapshot> users,
        IReadOnlyList<SeatCount> seats,
        decimal balance,
        string currency,
        AutoRechargeSettings autoRecharge)
    {
        var userChoices = users.Select(u => (u.DisplayName, u.Id)).ToList();
        var skuChoices = seats.Select(s => ($"{SkuCatalog.Get(s.Sku).DisplayName} ({SkuCatalog.ShortName(s.Sku)})", s.Sku.ToString())).ToList();
        var permissionChoices = new[]
        {
            ("Any destination", nameof(DialOutPermission.AnyDestination)),
            ("In the same country or region as the organizer", nameof(DialOutPermission.InSameCountryOrRegion)),
            ("Don't allow", nameof(DialOutPermission.DontAllow)),
        };

        return Card(
        [
            Heading("Admin"),
            Text("Users", weight: "Bolder"),
            Facts(users.Select(u => (
                $"{u.DisplayName} ({u.Id}){(u.IsTenantAdmin ? " · admin" : "")}",
                $"{(u.Licenses.Count == 0 ? "no licenses" : string.Join(", ", u.Licenses.Order().Select(SkuCatalog.ShortName)))} · dial-out: {PermissionText(u.DialOutPermission)}"))).WithId("users"),
            Text("Seats", weight: "Bolder"),
            Facts(seats.Select(s => (SkuCatalog.ShortName(s.Sku), $"{s.Assigned} of {s.Purchased} assigned"))).WithId("seats"),

            Container(
            [
                Text("Licenses", weight: "Bolder"),
                ChoiceSet("licUser", "User", userChoices, userChoices.FirstOrDefault().Id),
                ChoiceSet("licSku", "License", skuChoices, nameof(LicenseSku.CommunicationsCredits)),
                ActionRow(
                [
                    Submit("Assign", CardActions.AssignLicense),
                    Submit("Unassign", CardActions.UnassignLicense),
                ]),
            ], separator: true),

            Container(
            [
                Text("Dial-out from meetings", weight: "Bolder"),
                ChoiceSet("permUser", "User", userChoices, userChoices.FirstOrDefault().Id),
                ChoiceSet("permValue", "Permission", permissionChoices, nameof(DialOutPermission.AnyDestination)),
                ActionRow([Submit("Set permission", CardActions.SetPermission)]),
            ], separator: true),

            Container(
            [
                Text("Communications Credits", weight: "Bolder"),
                Text($"Balance: {CardFormat.Money(balance, currency)}").WithId("balance"),
                InputNumber("fundsAmount", $"Add funds ({currency})", 25m, CreditAccount.MinPurchase, CreditAccount.MaxPurchase),
                ActionRow([Submit("Add funds", CardActions.AddFunds)]),
                Toggle("arEnabled", "Auto-recharge", autoRecharge.Enabled),
                InputNumber("arThreshold", "When the balance falls below", autoRecharge.Enabled ? autoRecharge.Threshold : 2m, 0m, CreditAccount.MaxPurchase),
                InputNumber("arAmount", "Add this amount", autoRecharge.Enabled ? autoRecharge.Amount : 10m, CreditAccount.MinPurchase, CreditAccount.MaxPurchase),
                ActionRow([Submit("Save auto-recharge", CardActions.SetAutoRecharge)]),
            ], separator: true),
        ],
        [
            Submit("Minute pools report", CardActions.Pools),
            Submit("Usage report", CardActions.Usage),
            Submit("Credits", CardActions.Credits),
            Submit("Audit log", CardActions.Audit),
        ]);
    }

    public static string PermissionText(DialOutPermission permission) => permission switch
    {
        DialOutPermission.AnyDestination => "Any destination",
        DialOutPermission.InSameCountryOrRegion => "Same country or region",
        DialOutPermission.DontAllow => "Don't allow",
        _ => permission.ToString(),
    };
}
