using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace MeetingBot.SignalR.Benchmarks;

/// <summary>
/// The real MeetingBot host (Release build, child process) with its real auth, groups and payloads. Every demo
/// user signs in; adele organizes one meeting, the others join it, and client connections are spread over the
/// five users (several connections per user, as several tabs would be), each calling hub JoinMeeting. An
/// event is one user leaving or rejoining the meeting through the API: the engine raises ParticipantLeft or
/// ParticipantJoined, which the product pushes to the meeting's group. Each user is one trigger stream (a
/// user's leave and join must alternate), so up to five triggers run at once.
/// </summary>
public sealed class ProductTarget : IFanOutTarget
{
    private static readonly string[] Users = ["adele", "megan", "lee", "nestor", "alex"];
    public const int TriggerUsers = 5;
    private readonly ChildHost _host;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly Dictionary<string, string> _tokens = [];
    private string _meetingId = "";
    private readonly bool[] _inMeeting = new bool[TriggerUsers];

    private ProductTarget(ChildHost host) => _host = host;

    public string Name => "MeetingBot (meeting group, bearer auth)";
    public string HubUrl => _host.Url + "/hubs/meeting";
    public IReadOnlyList<string> PushMethods { get; } = ["ParticipantJoined", "ParticipantLeft"];
    /// <summary>A burst's queued roster events of the meeting come together (docs/realtime.md).</summary>
    public string? BatchMethod => "MeetingEvents";
    public string MeetingId => _meetingId;
    public int ServerProcessId => _host.ProcessId;

    public static async Task<ProductTarget> StartAsync(string repoRoot)
    {
        var target = new ProductTarget(await ChildHost.StartProductAsync(repoRoot));
        await target.SetUpMeetingAsync();
        return target;
    }

    private async Task SetUpMeetingAsync()
    {
        foreach (var user in Users)
        {
            var http = new HttpClient { BaseAddress = new Uri(_host.Url) };
            using var signIn = await http.PostAsJsonAsync("/api/dev/signin", new { userId = user });
            signIn.EnsureSuccessStatusCode();
            var token = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            _clients[user] = http;
            _tokens[user] = token;
        }
        using var created = await _clients["adele"].PostAsJsonAsync("/api/meetings", new { subject = "SignalR fan-out", durationMinutes = 24 * 60 });
        created.EnsureSuccessStatusCode();
        _meetingId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        for (var i = 0; i < Users.Length; i++)
        {
            using var joined = await _clients[Users[i]].PostAsJsonAsync($"/api/meetings/{_meetingId}/join", new { audio = "computer" });
            joined.EnsureSuccessStatusCode();
            _inMeeting[i] = true;
        }
    }

    public string? AccessTokenFor(int client) => _tokens[Users[client % Users.Length]];

    public Task AfterConnectAsync(HubConnection connection, int client) => connection.InvokeAsync<JsonElement>("JoinMeeting", _meetingId);

    public int TriggerStreams => TriggerUsers;

    public async Task FireAsync(int stream)
    {
        var http = _clients[Users[stream]];
        using var response = _inMeeting[stream]
            ? await http.PostAsync($"/api/meetings/{_meetingId}/leave", null)
            : await http.PostAsJsonAsync($"/api/meetings/{_meetingId}/join", new { audio = "computer" });
        response.EnsureSuccessStatusCode();
        _inMeeting[stream] = !_inMeeting[stream];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var http in _clients.Values) http.Dispose();
        await _host.DisposeAsync();
    }
}
