namespace MeetingBot.Engine.Billing;

public enum CreditTransactionKind
{
    Purchase,
    AutoRecharge,
    CallCharge,
    Forfeiture,
}
