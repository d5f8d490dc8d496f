using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Events;
using MeetingBot.Engine.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace MeetingBot.Cluster;

/// <summary>Makes the engine a tenant grain hosts, wired to this host's clock, event sinks, payments and journal.</summary>
public sealed class TenantEngineFactory(EngineOptions options, [FromKeyedServices(MeetingBotClock.Key)] TimeProvider time, IEngineEvents events, IPaymentGateway payments, IEngineJournal? journal = null)
{
    public ConferenceEngine Create() => new(options, time, events, payments, journal);
}
