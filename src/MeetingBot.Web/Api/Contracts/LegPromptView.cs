namespace MeetingBot.Web.Api.Contracts;

public sealed record LegPromptView(DateTimeOffset At, string Text);
