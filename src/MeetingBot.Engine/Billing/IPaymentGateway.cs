namespace MeetingBot.Engine.Billing;

/// <summary>Charges the tenant's payment method for a credits purchase. The seam where a real billing system plugs in.</summary>
public interface IPaymentGateway
{
    bool TryCharge(string tenantId, decimal amount, string currency, string description);
}
