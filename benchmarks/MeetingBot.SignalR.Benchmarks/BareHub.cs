using Microsoft.AspNetCore.SignalR;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>The baseline: a hub with no auth, no groups and no methods; the server only broadcasts to all.</summary>
public sealed class BareHub : Hub;
