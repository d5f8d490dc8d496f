namespace MeetingBot.Web.Api.Contracts;

/// <param name="UserId">Whose permission governs: the meeting's organizer.</param>
/// <param name="Permission"><c>AnyDestination</c>, <c>InSameCountryOrRegion</c> or <c>DontAllow</c>.</param>
/// <param name="Text">The verdict in words, as the bot's card says it.</param>
public sealed record DialOutPolicyView(string UserId, string DisplayName, string Permission, bool Allows, string Text);
