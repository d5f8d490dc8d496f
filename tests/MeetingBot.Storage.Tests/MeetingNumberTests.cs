using System.Collections.Concurrent;
using MeetingBot.Engine;
using MeetingBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Storage.Tests;

public class MeetingNumberTests
{
    private const string T = Seeds.TenantId;

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void TwoHostsSchedulingAtOnce_NeverHandOutTheSameMeetingNumber(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        ConferenceEngine Host()
        {
            var engine = new ConferenceEngine(new EngineOptions(), clock, journal: new SqlEngineJournal(store.NewDialect()));
            engine.AddTenant(Seeds.Tenant());
            return engine;
        }
        var hosts = new[] { Host(), Host() };
        var ids = new ConcurrentBag<string>();

        Parallel.For(0, 60, new ParallelOptions { MaxDegreeOfParallelism = 6 }, i =>
            ids.Add(hosts[i % 2].ScheduleMeeting(T, "adele", $"m{i}", Seeds.Start, Seeds.Start.AddHours(1)).Value!.Id));
        var afterRestart = Host().ScheduleMeeting(T, "adele", "later", Seeds.Start, Seeds.Start.AddHours(1)).Value!.Id;

        Assert.Equal(60, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 60).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), ids.Order());
        Assert.Equal("61", afterRestart);
        Assert.Equal(61, JournalStoreTests.Count(store, "meetings"));
    }
}
