namespace MeetingBot.Web.Api.Contracts;

public sealed record AutoRechargeRequest(bool Enabled, decimal Threshold, decimal Amount);
