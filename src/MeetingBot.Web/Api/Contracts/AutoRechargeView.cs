namespace MeetingBot.Web.Api.Contracts;

public sealed record AutoRechargeView(bool Enabled, decimal Threshold, decimal Amount);
