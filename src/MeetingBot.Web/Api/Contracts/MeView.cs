namespace MeetingBot.Web.Api.Contracts;

public sealed record MeView(string UserId, string TenantId, string DisplayName, bool IsTenantAdmin, bool HasAudioConferencing, bool HasCommunicationsCredits, string DialOutPermission);
