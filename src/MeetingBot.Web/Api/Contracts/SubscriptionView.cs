namespace MeetingBot.Web.Api.Contracts;

public sealed record SubscriptionView(string Sku, string DisplayName, string ShortName, int Purchased, int Assigned);
