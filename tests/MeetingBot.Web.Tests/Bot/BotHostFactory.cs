using MeetingBot.Cluster;
using MeetingBot.Web.Engine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Web.Tests.Bot;

/// <summary>
/// The whole host in-process with no Bot Framework app id (Emulator mode), on a fake clock, without the ticker or
/// a database. With <paramref name="useDemoClock"/> the host's clock is the demo clock over the fake one, so the
/// chat's "fast forward N" moves time as it does for a person in the Emulator.
/// </summary>
/// <param name="sqliteFile">A SQLite database for durable storage (engine journal and bot state); none by default.</param>
public sealed class BotHostFactory(IBot? replaceBot = null, bool useDemoClock = false, string? sqliteFile = null) : WebApplicationFactory<Program>
{
    public FakeTimeProvider Time { get; } = new(BotHarness.Start);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("MeetingBot:Engine:AutoAnswerAfter", "00:00:00");
        // Parallel test hosts each get their own silo ports.
        builder.UseSetting("MeetingBot:Cluster:SiloPort", "0");
        builder.UseSetting("MeetingBot:Cluster:GatewayPort", "0");
        // Time moves only when a test says so: no grain timer ticks between its steps.
        builder.UseSetting("MeetingBot:Cluster:TickInterval", "00:00:00");
        builder.UseSetting("MicrosoftAppId", "");
        // In memory unless a test owns a file: parallel test hosts must never share a database file.
        builder.UseSetting("MeetingBot:Storage:Provider", sqliteFile is null ? "None" : "Sqlite");
        if (sqliteFile is not null) builder.UseSetting("MeetingBot:Storage:Sqlite", $"Data Source={sqliteFile};Pooling=False");
        builder.ConfigureTestServices(services =>
        {
            if (useDemoClock)
            {
                var demo = new DemoClock(Time);
                services.AddSingleton(demo);
                services.AddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, demo); // the product's clock
            }
            else
            {
                services.AddKeyedSingleton<TimeProvider>(MeetingBotClock.Key, Time); // the product's clock
            }
            if (replaceBot is not null) services.AddTransient(_ => replaceBot);
        });
    }
}
