namespace MeetingBot.Web.Api.Contracts;

/// <param name="Kind">For the preview only: <c>callMe</c> (default) or <c>addParticipant</c>, whose refusals differ.</param>
public sealed record PhoneNumberRequest(string? Number, string? Kind = null);
