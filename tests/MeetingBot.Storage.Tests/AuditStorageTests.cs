using MeetingBot.Engine;
using MeetingBot.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MeetingBot.Storage.Tests;

public class AuditStorageTests
{
    private const string T = Seeds.TenantId;

    [Theory, MemberData(nameof(Stores.All), MemberType = typeof(Stores))]
    public void AuditLog_SurvivesARestart_WithRefusalsInOrder(string provider)
    {
        using var store = TestStore.Create(provider);
        var clock = new FakeTimeProvider(Seeds.Start);
        ConferenceEngine Start()
        {
            var engine = new ConferenceEngine(new EngineOptions { AutoAnswerAfter = TimeSpan.Zero }, clock, journal: new SqlEngineJournal(store.NewDialect()));
            engine.AddTenant(Seeds.Tenant());
            return engine;
        }
        var before = Start();
        before.AddFunds(T, "nestor", 12.00m);
        clock.Advance(TimeSpan.FromSeconds(1));
        before.AddFunds(T, "adele", 12.00m); // refused: not an admin, still audited

        var after = Start();

        var log = after.GetAuditLog(T, "nestor").Value!;
        Assert.Equal(["credits.add:adele:NotTenantAdmin", "credits.add:nestor:ok"], log.Select(e => $"{e.Action}:{e.ActorId}:{e.Outcome}").ToArray());
        Assert.Equal(2, JournalStoreTests.Count(store, "audit_log"));
    }
}
