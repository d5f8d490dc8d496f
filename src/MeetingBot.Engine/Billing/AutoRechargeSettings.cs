namespace MeetingBot.Engine.Billing;

/// <summary>When the balance falls below <see cref="Threshold"/>, buy <see cref="Amount"/> more.</summary>
public sealed record AutoRechargeSettings(bool Enabled, decimal Threshold, decimal Amount)
{
    public static AutoRechargeSettings Off { get; } = new(false, 0m, 0m);
}
