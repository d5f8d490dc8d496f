using MeetingBot.Engine;

namespace MeetingBot.Cluster.Commands;

/// <summary>Maps an engine result to a snapshot result inside the tenant's turn.</summary>
internal static class Snap
{
    public static EngineResult<TOut> Map<TIn, TOut>(this EngineResult<TIn> result, Func<TIn, TOut> snapshot) =>
        result.IsSuccess ? EngineResult<TOut>.Ok(snapshot(result.Value!)) : EngineResult<TOut>.Fail(result.Error!.Value);

    public static IReadOnlyList<TOut> Each<TIn, TOut>(this IEnumerable<TIn> items, Func<TIn, TOut> snapshot) => items.Select(snapshot).ToArray();
}
