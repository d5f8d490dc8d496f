namespace MeetingBot.Web.Api.Contracts;

public sealed record AddFundsRequest(decimal Amount);
