namespace MeetingBot.Engine.Billing;

/// <summary>The demo tenant's payment method: every charge succeeds.</summary>
public sealed class AlwaysApprovePaymentGateway : IPaymentGateway
{
    public bool TryCharge(string tenantId, decimal amount, string currency, string description) => true;
}
