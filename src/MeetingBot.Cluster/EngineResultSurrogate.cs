using MeetingBot.Engine;

namespace MeetingBot.Cluster;

/// <summary>How an <see cref="EngineResult{T}"/> crosses the grain boundary (the engine references no Orleans type).</summary>
[GenerateSerializer]
public struct EngineResultSurrogate<T>
{
    [Id(0)] public T? Value;
    [Id(1)] public int? Error;
}

[RegisterConverter]
public sealed class EngineResultSurrogateConverter<T> : IConverter<EngineResult<T>, EngineResultSurrogate<T>>
{
    public EngineResult<T> ConvertFromSurrogate(in EngineResultSurrogate<T> surrogate) =>
        surrogate.Error is { } e ? EngineResult<T>.Fail((EngineError)e) : EngineResult<T>.Ok(surrogate.Value!);

    public EngineResultSurrogate<T> ConvertToSurrogate(in EngineResult<T> value) =>
        new() { Value = value.Value, Error = value.Error is { } e ? (int)e : null };
}
