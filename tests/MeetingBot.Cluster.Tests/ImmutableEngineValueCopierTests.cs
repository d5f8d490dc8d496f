using MeetingBot.Cluster.Commands;
using MeetingBot.Engine;
using MeetingBot.Engine.Billing;
using MeetingBot.Engine.Calling;
using MeetingBot.Engine.Meetings;
using MeetingBot.Engine.Reports;
using MeetingBot.Engine.Snapshots;
using MeetingBot.Engine.Tenancy;

namespace MeetingBot.Cluster.Tests;

/// <summary>Which engine values a call inside one silo hands over as they are, and which it still copies.</summary>
public sealed class ImmutableEngineValueCopierTests
{
    [Theory]
    [InlineData(typeof(MeetingSnapshot))]
    [InlineData(typeof(CallLegSnapshot))]
    [InlineData(typeof(UserMeetings))]
    [InlineData(typeof(UsageRecord))]
    [InlineData(typeof(CreditTransaction))]
    [InlineData(typeof(AutoRechargeSettings))]
    [InlineData(typeof(AudioMode))]
    [InlineData(typeof(EngineError))]
    public void RecordsAndEnums_AreHandedOverUncopied(Type type) => Assert.True(ImmutableEngineValueCopier.IsImmutable(type));

    [Theory]
    [InlineData(typeof(CallLeg))]
    [InlineData(typeof(Meeting))]
    [InlineData(typeof(Participant))]
    [InlineData(typeof(User))]
    [InlineData(typeof(CreditPurchase))]
    [InlineData(typeof(EngineOptions))]
    public void LiveEngineState_IsNeverHandedOver(Type type) => Assert.False(ImmutableEngineValueCopier.IsImmutable(type));

    [Fact]
    public void ARecordWithASetter_IsCopied() => Assert.False(ImmutableEngineValueCopier.IsImmutable(typeof(Settable)));

    [Fact]
    public void EveryEngineTypeACommandAnswers_IsImmutable()
    {
        var answers = typeof(TenantCommand<>).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && CommandBase(t) is not null)
            .Select(t => CommandBase(t)!.GetGenericArguments()[0])
            .SelectMany(Unwrap)
            .Where(t => t.Assembly == typeof(ConferenceEngine).Assembly)
            .Distinct()
            .ToList();
        Assert.Contains(typeof(MeetingSnapshot), answers);
        Assert.Contains(typeof(UserMeetings), answers); // read commands count too
        Assert.All(answers, t => Assert.True(ImmutableEngineValueCopier.IsImmutable(t), $"{t.Name} would be handed over uncopied only if it cannot change"));
    }

    /// <summary>The TenantCommand&lt;T&gt; a command derives from, directly or through ReadCommand&lt;T&gt;.</summary>
    private static Type? CommandBase(Type type)
    {
        for (var b = type.BaseType; b is not null; b = b.BaseType)
            if (b.IsGenericType && b.GetGenericTypeDefinition() == typeof(TenantCommand<>)) return b;
        return null;
    }

    private static IEnumerable<Type> Unwrap(Type type) =>
        type.IsGenericType ? type.GetGenericArguments().SelectMany(Unwrap).Append(type) : [type];

    private sealed record Settable(string Name)
    {
        public string Name { get; set; } = Name;
    }
}
