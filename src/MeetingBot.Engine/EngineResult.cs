namespace MeetingBot.Engine;

/// <summary>The outcome of an engine command: a value, or an error with the exact words to show.</summary>
public readonly record struct EngineResult<T>
{
    private EngineResult(T? value, EngineError? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }
    public EngineError? Error { get; }
    public bool IsSuccess => Error is null;
    public string? Message => Error is { } e ? EngineMessages.For(e) : null;

    public static EngineResult<T> Ok(T value) => new(value, null);
    public static EngineResult<T> Fail(EngineError error) => new(default, error);

    public static implicit operator EngineResult<T>(EngineError error) => Fail(error);
    public static implicit operator EngineResult<T>(T value) => Ok(value);

    /// <summary>The value, or an <see cref="EngineException"/> carrying the error (for callers that expect success).</summary>
    public T Unwrap() => Error is { } e ? throw new EngineException(e) : Value!;
}
