using System.Text.RegularExpressions;

namespace MeetingBot.Web.Bot;

/// <summary>A chat command: a pattern over the whole message and what to do when it matches.</summary>
public sealed record ChatRoute(string Command, Regex Pattern, Func<BotTurn, Match, Task> Handle);
