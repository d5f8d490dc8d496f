namespace MeetingBot.Web.Bot;

/// <summary>Per-user state: which demo user this chat user is acting as (null until first turn).</summary>
public sealed class UserProfile
{
    public string? ActingAs { get; set; }
}
