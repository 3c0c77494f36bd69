namespace BotPlatform.Core.Common;

/// <summary>An expected failure a person can be told about: a code the bot localises, plus its arguments.</summary>
public sealed record Problem(string Code, params object[] Args)
{
    public override string ToString() => Args.Length == 0 ? Code : $"{Code}({string.Join(", ", Args)})";
}

/// <summary>The outcome of a use case: a value, or a <see cref="Problem"/> to show.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Problem? problem) => (Value, Problem) = (value, problem);

    public T? Value { get; }
    public Problem? Problem { get; }
    public bool IsOk => Problem is null;

    public static Result<T> Ok(T value) => new(value, null);
    public static Result<T> Fail(Problem problem) => new(default, problem);
    public static Result<T> Fail(string code, params object[] args) => new(default, new Problem(code, args));

    public static implicit operator Result<T>(Problem problem) => Fail(problem);
}
