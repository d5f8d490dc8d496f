using System.Collections.Concurrent;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Licensing;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Tests.Support;

namespace MeetingBot.Engine.Tests;

/// <summary>
/// Randomized schedules of concurrent dial-outs, hang-ups and clock moves: whatever happens, minutes and money
/// are conserved — pool used + left = size, every paid pool minute is in a usage record, and the balance equals
/// funds bought − charges − forfeitures and is never negative.
/// </summary>
public class ConservationTests
{
    private const string T = EngineFixture.TenantId;
    private static readonly string[] Numbers = ["405 555 0100", "+44 20 7946 0000", "+49 30 901820", "+20 2 27921234", "+81 3 1234 5678", "+90 212 555 1234"];

    /// <summary>Minutes a record paid: every started minute, and at least one for a call that connected.</summary>
    private static int Minutes(MeetingBot.Engine.Reports.UsageRecord r) => Math.Max(1, (r.DurationSeconds + 59) / 60);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void RandomConcurrentSchedules_ConserveMinutesAndMoney(int seed)
    {
        var random = new Random(seed);
        var f = new EngineFixture(options: o => o.AutoAnswerAfter = TimeSpan.FromSeconds(random.Next(0, 3)));
        f.Engine.AddFunds(T, "nestor", random.Next(1, 20)).Unwrap();
        if (random.Next(2) == 0) f.Engine.SetAutoRecharge(T, "nestor", true, 1.00m, 2.00m).Unwrap();
        var meetings = new[] { f.Schedule("adele"), f.Schedule("lee") };
        foreach (var m in meetings) f.Engine.JoinMeeting(T, m.OrganizerId, m.Id, AudioMode.ComputerAudio).Unwrap();
        var legs = new ConcurrentBag<CallLeg>();
        var balanceWentNegative = false;

        Parallel.For(0, 8, worker =>
        {
            var r = new Random(seed * 100 + worker);
            for (var step = 0; step < 150; step++)
            {
                var m = meetings[r.Next(meetings.Length)];
                switch (r.Next(6))
                {
                    case 0 or 1:
                        if (f.Engine.AddParticipantByPhone(T, m.OrganizerId, m.Id, Numbers[r.Next(Numbers.Length)]) is { IsSuccess: true } added) legs.Add(added.Value!);
                        break;
                    case 2:
                        if (legs.Where(l => l.IsLive).Skip(r.Next(4)).FirstOrDefault() is { } live) f.Engine.PhoneHangsUp(live.Id);
                        break;
                    case 3:
                        f.Clock.Advance(TimeSpan.FromSeconds(r.Next(1, 400)));
                        f.Engine.Tick();
                        break;
                    default:
                        f.Engine.Tick();
                        break;
                }
                if (f.Engine.GetCreditBalance(T).Value < 0) balanceWentNegative = true;
            }
        });
        foreach (var leg in legs.Where(l => l.IsLive)) f.Engine.PhoneHangsUp(leg.Id);

        Assert.False(balanceWentNegative);
        var pool = f.Engine.GetMinutePoolsReport(T, "nestor", monthsOfHistory: 1).Unwrap().Where(p => p.Capability == Capability.MCOMEETADD).ToList();
        Assert.All(pool, p => Assert.Equal(p.MinutesAvailable, p.MinutesUsed + p.MinutesLeft));
        Assert.All(pool, p => Assert.InRange(p.MinutesUsed, 0, p.MinutesAvailable));
        var usage = f.Engine.AllUsage(T);
        var pooledMinutesInRecords = usage.Where(r => r.Capability == Capability.MCOMEETADD).Sum(Minutes);
        Assert.Equal(pool.Sum(p => p.MinutesUsed), pooledMinutesInRecords);
        Assert.Equal(legs.Sum(l => l.MinutesPaid), usage.Sum(Minutes));

        var ledger = f.Engine.GetTenant(T).Value!.Credits.Ledger;
        var bought = ledger.Where(l => l.Kind is CreditTransactionKind.Purchase or CreditTransactionKind.AutoRecharge).Sum(l => l.Amount);
        var charged = usage.Sum(r => r.Charge);
        var forfeited = -ledger.Where(l => l.Kind == CreditTransactionKind.Forfeiture).Sum(l => l.Amount);
        Assert.Equal(charged, -ledger.Where(l => l.Kind == CreditTransactionKind.CallCharge).Sum(l => l.Amount));
        Assert.Equal(bought - charged - forfeited, f.Engine.GetCreditBalance(T).Value);
    }
}
