using MeetingBot.Web.Auth;
using MeetingBot.Cluster;
using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Seeding;
using MeetingBot.Web.Engine;
using MeetingBot.Web.Api;
using MeetingBot.Web.Bot;
using MeetingBot.Web.Chat;
using MeetingBot.Web.Hubs;
using MeetingBot.Web.Storage;
using MeetingBot.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MeetingBot.Web.Composition;

public static class HostingExtensions
{
    /// <summary>Reads the repository-level appsettings.json (copied beside the binaries) and registers every service.</summary>
    public static WebApplicationBuilder AddMeetingBot(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: false, reloadOnChange: false)
            .AddEnvironmentVariables()
            .AddCommandLine(args);

        // Everything downstream (dev routes, the bot's `act as`, the demo clock) reads the effective value.
        var localDevMode = LocalDevMode.Resolve(builder.Configuration, builder.Environment);
        builder.Configuration.AddInMemoryCollection([new(LocalDevMode.Key, localDevMode ? "true" : "false")]);

        var services = builder.Services;
        services.AddOptions<MeetingBotOptions>().Bind(builder.Configuration.GetSection(MeetingBotOptions.Section));
        if (localDevMode)
        {
            // The demo clock lets a person fast-forward through a month of minutes; tests replace TimeProvider.
            // It starts where the store left it (a restart, or another host, moved it) and follows the store.
            services.TryAddSingleton(sp =>
            {
                var clock = new DemoClock(TimeProvider.System);
                if (sp.GetService<IDemoClockStore>() is { } store) clock.CatchUp(store.Read());
                return clock;
            });
            services.TryAddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, (sp, _) => sp.GetRequiredService<DemoClock>());
            services.TryAddSingleton(sp => new DemoTime(sp.GetRequiredService<DemoClock>(), sp.GetRequiredService<ITenants>(), sp.GetService<IDemoClockStore>()));
            services.AddHostedService<DemoClockSync>();
        }
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IPaymentGateway, AlwaysApprovePaymentGateway>();
        services.AddSingleton<EngineEventDispatcher>();
        services.AddSingleton<IEngineEvents>(sp => sp.GetRequiredService<EngineEventDispatcher>());
        services.AddHostedService(sp => sp.GetRequiredService<EngineEventDispatcher>());
        services.AddSingleton(_ => EngineOptionsFrom(builder.Configuration));
        services.AddSingleton(_ => CatalogFrom(builder.Configuration));
        builder.AddMeetingBotCluster();
        services.AddHostedService<TenantKeeper>();

        services.AddMeetingBotBot(builder.Configuration);
        services.AddMeetingBotChat();
        services.AddMeetingBotRealtime(builder.Configuration);
        services.AddMeetingBotApi();
        services.AddMeetingBotStorage(builder.Configuration);
        LoadDataProtectionKeysOnFirstUse(services);
        return builder;
    }

    /// <summary>
    /// Data Protection (sign-in cookies and tokens) loads its key ring, creating the first key on a new deployment, when
    /// it is first used — a sign-in — instead of in a hosted service of its own, which did it in the host's start,
    /// before the web server listens, on every cold start (docs/benchmarks.md §5).
    /// </summary>
    private static void LoadDataProtectionKeysOnFirstUse(IServiceCollection services)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType?.FullName == DataProtectionHostedService)
                services.RemoveAt(i);
        }
    }

    public const string DataProtectionHostedService = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    public static WebApplication UseMeetingBot(this WebApplication app)
    {
        var options = app.Configuration.GetSection(MeetingBotOptions.Section).Get<MeetingBotOptions>() ?? new();
        if (options.LocalDevMode)
            app.Logger.LogWarning("LOCAL DEV MODE IS ON: /api/messages accepts unauthenticated requests and the web client offers a dev sign-in. Never expose this host.");
        if (options.LocalDevMode && !app.Environment.IsDevelopment())
            app.Logger.LogCritical("LOCAL DEV MODE IS ON OUTSIDE DEVELOPMENT ({Environment}) because {Override} is set: anyone can sign in as the tenant admin and spend its credits.",
                app.Environment.EnvironmentName, LocalDevMode.OverrideKey);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UseApiErrorBodies();
        app.UseAuthentication();
        app.UseSignedOutSessionsRefused();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.MapGet("/healthz", () => TypedResults.Ok("ok"));
        // Readiness for a load balancer: the web server listens before the cluster silo is up (docs/scale-out.md).
        app.MapGet("/healthz/ready", (ClusterReadiness cluster, HttpContext context) =>
        {
            if (cluster.IsReady) return Results.Ok("ready");
            context.Response.Headers.RetryAfter = "1";
            return Results.Text(cluster.Failure is null ? "starting" : "cluster failed to start", statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        app.MapMeetingBotBot();
        app.MapMeetingBotRealtime();
        app.MapMeetingBotChat();
        app.MapMeetingBotApi();
        return app;
    }

    private static EngineOptions EngineOptionsFrom(IConfiguration configuration)
    {
        var options = new EngineOptions { PublicBaseUrl = PublicAddress.From(configuration) };
        configuration.GetSection("MeetingBot:Engine").Bind(options);
        options.Validate();
        return options;
    }

    /// <summary>The tenants this deployment serves. Every host reads the same configuration, so every host knows them all.</summary>
    private static TenantCatalog CatalogFrom(IConfiguration configuration)
    {
        var catalog = new TenantCatalog();
        var seed = configuration.GetSection("DemoTenant").Get<TenantSeed>();
        if (seed is { Id.Length: > 0 }) catalog.Add(seed);
        return catalog;
    }
}
