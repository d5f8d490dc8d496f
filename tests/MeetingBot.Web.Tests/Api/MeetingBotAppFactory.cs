using System.Net.Http.Headers;
using System.Net.Http.Json;
using MeetingBot.Cluster;
using MeetingBot.Web.Api.Contracts;
using MeetingBot.Web.Hubs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Web.Tests.Api;

/// <summary>
/// The whole host in-process on a fake clock. Phones answer at once and the background ticker is removed, so a
/// test moves time with <see cref="Advance"/> and nothing happens between its steps. State is kept in memory only.
/// </summary>
/// <param name="environment">The hosting environment; Development (the factory's default) unless a test says otherwise.</param>
public sealed class MeetingBotAppFactory(IReadOnlyDictionary<string, string?>? settings = null, string? environment = null) : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Local dev mode off, as in production: a Bot Framework app registration authenticates /api/messages.</summary>
    public static readonly IReadOnlyDictionary<string, string?> ProductionLike = new Dictionary<string, string?>
    {
        ["MeetingBot:LocalDevMode"] = "false",
        ["MicrosoftAppType"] = "MultiTenant",
        ["MicrosoftAppId"] = "7f2b8c1e-4d4a-4b4e-9f55-0c6c1f0e5a11",
        ["MicrosoftAppPassword"] = "not-a-real-secret",
    };

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The host's way to its tenants (the grains): what a test asks to check state behind the API.</summary>
    public ITenants Tenants => Services.GetRequiredService<ITenants>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (environment is not null) builder.UseEnvironment(environment);
        builder.UseSetting("MeetingBot:Engine:AutoAnswerAfter", "00:00:00");
        // Parallel test hosts each get their own silo ports.
        builder.UseSetting("MeetingBot:Cluster:SiloPort", "0");
        builder.UseSetting("MeetingBot:Cluster:GatewayPort", "0");
        // Time moves only when a test says so: no grain timer ticks between its steps.
        builder.UseSetting("MeetingBot:Cluster:TickInterval", "00:00:00");
        // Every test host starts from the seed: a shared database file would leak state between parallel tests.
        builder.UseSetting("MeetingBot:Storage:Provider", "None");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, Time); // the product's clock
        });
    }

    /// <summary>Moves the fake clock and lets every tenant catch up, as the grains' timers would.</summary>
    public void Advance(TimeSpan by)
    {
        Time.Advance(by);
        // Blocking is safe here: a test thread is not a grain turn, and the tick never calls back into the test.
        Tenants.TickAllAsync().GetAwaiter().GetResult();
    }

    public async Task<SignedInUserView> SignInAsync(string userId)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/dev/signin", new { userId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SignedInUserView>())!;
    }

    /// <summary>An HTTP client that sends the user's bearer token.</summary>
    public async Task<HttpClient> ClientForAsync(string userId)
    {
        var token = (await SignInAsync(userId)).AccessToken;
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A started SignalR connection for the user (long polling over the test server).</summary>
    public async Task<HubConnection> ConnectAsync(string userId, Action<HubConnection>? beforeStart = null)
    {
        var token = (await SignInAsync(userId)).AccessToken;
        var connection = BuildConnection(() => Task.FromResult<string?>(token));
        beforeStart?.Invoke(connection);
        await connection.StartAsync();
        // StartAsync returns at the handshake, possibly before the hub's OnConnectedAsync has put the connection in
        // its user and admin groups; the server runs invocations only after it, so one round trip means "joined".
        await connection.InvokeAsync<IReadOnlyList<CallLegView>>(nameof(MeetingHub.GetMyOrphanedLegs));
        return connection;
    }

    public HubConnection BuildConnection(Func<Task<string?>>? accessToken) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, RealtimeRegistration.HubPath), o =>
            {
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                if (accessToken is not null) o.AccessTokenProvider = accessToken;
            })
            .Build();
}
