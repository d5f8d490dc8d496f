namespace MeetingBot.Storage.Tests.Support;

/// <summary>
/// The providers every store test runs against. PostgreSQL is included when MEETINGBOT_TEST_POSTGRES is set,
/// and always on CI (CI=true), where a missing server must fail the run rather than skip half the suite.
/// </summary>
public static class Stores
{
    public static bool PostgresRequested =>
        Environment.GetEnvironmentVariable(TestStore.PostgresVariable) is { Length: > 0 }
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static TheoryData<string> All
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (PostgresRequested) data.Add("postgres");
            return data;
        }
    }
}
