namespace MeetingBot.SignalR.Benchmarks;

/// <summary>One row: a target with N warm clients, single events and one burst.</summary>
public sealed record FanOutResult(
    string Target,
    int Clients,
    int ConnectFailures,
    double ConnectSeconds,
    double SingleP50Ms,
    double SingleP99Ms,
    double SingleFromRequestP50Ms,
    double SingleFromRequestP99Ms,
    double SingleLastClientMeanMs,
    int BurstEvents,
    int BurstDelivered,
    int BurstExpected,
    double BurstSeconds,
    double BurstDeliveriesPerSecond,
    double BurstP50Ms,
    double BurstP99Ms,
    double BurstTriggersMs,
    double BurstServerCpuUsPerDelivery,
    int SinglesIncomplete);
