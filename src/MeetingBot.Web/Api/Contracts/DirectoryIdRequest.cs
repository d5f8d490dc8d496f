namespace MeetingBot.Web.Api.Contracts;

/// <param name="AadObjectId">The user's Microsoft Entra object id (a GUID; Teams sends it as <c>from.aadObjectId</c>).</param>
public sealed record DirectoryIdRequest(string? AadObjectId);
