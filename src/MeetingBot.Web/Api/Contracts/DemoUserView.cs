namespace MeetingBot.Web.Api.Contracts;

public sealed record DemoUserView(string Id, string DisplayName, bool IsTenantAdmin, bool HasAudioConferencing);
