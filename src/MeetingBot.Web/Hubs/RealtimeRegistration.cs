using MeetingBot.Cluster;
using MeetingBot.Web.Auth;
using MeetingBot.Web.Engine;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using StackExchange.Redis;

namespace MeetingBot.Web.Hubs;

/// <summary>Registers and maps SignalR (/hubs/meeting) and the sign-in that identifies hub connections.</summary>
public static class RealtimeRegistration
{
    public const string HubPath = "/hubs/meeting";
    public const string RedisChannelPrefix = "meetingbot";
    public const string DataProtectionKeysKey = "meetingbot:data-protection-keys";

    public static IServiceCollection AddMeetingBotRealtime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMeetingBotAuthentication();
        var signalR = services.AddSignalR(o => o.MaximumReceiveMessageSize = 32 * 1024);
        var redis = configuration["MeetingBot:Redis"];
        // With several hosts behind a load balancer, Redis carries each group message to every host's connections.
        // If Redis goes down, this host's own clients keep getting their pushes (ResilientHubLifetimeManager).
        if (!string.IsNullOrWhiteSpace(redis))
        {
            signalR.AddStackExchangeRedis(redis, o =>
            {
                o.Configuration.ChannelPrefix = RedisChannel.Literal(RedisChannelPrefix);
                o.Configuration.AbortOnConnectFail = false;
            });
            services.AddSingleton(typeof(HubLifetimeManager<>), typeof(ResilientHubLifetimeManager<>));
        }
        // Sign-in cookies and bearer tokens are Data Protection tickets: in a cluster (Redis clustering) the keys live
        // in the same Redis, so a ticket one host issued is accepted by every other. A single host with only the
        // backplane keeps its keys to itself, so sign-in keeps working while Redis is down.
        var cluster = configuration.GetSection(MeetingBotClusterOptions.Section).Get<MeetingBotClusterOptions>();
        if (cluster?.Provider == ClusterProvider.Redis && (cluster.Redis is { Length: > 0 } ? cluster.Redis : redis) is { Length: > 0 } keysRedis)
        {
            var keys = new Lazy<ConnectionMultiplexer>(() =>
            {
                var options = ConfigurationOptions.Parse(keysRedis);
                options.AbortOnConnectFail = false;
                return ConnectionMultiplexer.Connect(options);
            });
            services.AddDataProtection()
                .SetApplicationName("MeetingBot")
                .PersistKeysToStackExchangeRedis(() => keys.Value.GetDatabase(), DataProtectionKeysKey);
        }
        services.AddSingleton<MeetingConnectionCounter>();
        services.AddSingleton<IEngineEventSubscriber, SignalREventSubscriber>();
        return services;
    }

    public static IEndpointRouteBuilder MapMeetingBotRealtime(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<MeetingHub>(HubPath, o => o.Transports = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling);
        return endpoints;
    }
}
