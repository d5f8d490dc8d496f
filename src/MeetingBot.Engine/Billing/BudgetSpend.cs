namespace MeetingBot.Engine.Billing;

/// <summary>What one user's dial-outs used in one billing month: minutes begun (pooled or paid) and credits charged.</summary>
public readonly record struct BudgetSpend(int Minutes, decimal Money)
{
    public BudgetSpend Add(int minutes, decimal money) => new(checked(Minutes + minutes), Money + money);
}
