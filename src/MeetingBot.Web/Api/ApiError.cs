namespace MeetingBot.Web.Api;

/// <summary>Every API error body: the <c>EngineError</c> name (or <c>InvalidRequest</c>) and the exact words to show.</summary>
public sealed record ApiError(string Error, string Message);
