using MeetingBot.Engine.Seeding;
using MeetingBot.Testing;

namespace MeetingBot.Storage.Tests.Support;

/// <summary>
/// The test kit's fixed Contoso (<see cref="TenantBuilder.Contoso"/>, the engine tests' tenant): adele (Audio
/// Conferencing), lee (Audio Conferencing + Communications Credits), nestor (admin), megan and alex. Two assigned
/// monthly AC licenses → 120 pooled minutes a month; US minutes cost 0.02 in credits.
/// </summary>
public static class Seeds
{
    public const string TenantId = "contoso";
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static TenantSeed Tenant(decimal initialFunds = 0m) => TenantBuilder.Contoso().WithCredits(initialFunds).Build();
}
