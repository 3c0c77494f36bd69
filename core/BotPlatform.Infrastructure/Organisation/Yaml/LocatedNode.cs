using YamlDotNet.Serialization;

namespace BotPlatform.Infrastructure.Organisation.Yaml;

/// <summary>
/// A mapping in the file that remembers where it starts, so that checks made after deserialization
/// (duplicates, references between sections) can name the line.
/// </summary>
internal abstract class LocatedNode
{
    /// <summary>1-based line of the mapping's first key.</summary>
    [YamlIgnore]
    public int Line { get; set; }
}

/// <summary>A scalar value with its 1-based line. Null YAML values (empty, ~, null) never become one.</summary>
internal sealed record LocatedScalar(string Text, int Line)
{
    public override string ToString() => Text;
}

/// <summary>
/// A mapping whose keys are data rather than fixed names (route kinds, condition fields), so that the
/// section readers check each key and name its line instead of failing on the first unknown one.
/// Entries keep the file's order; a value may be null (an empty YAML value).
/// </summary>
internal sealed class LocatedMap<T> : ILocatedMap
    where T : class
{
    private readonly List<(LocatedScalar Key, T? Value)> _entries = [];

    public LocatedMap(int line) => Line = line;

    /// <summary>1-based line where the mapping starts.</summary>
    public int Line { get; }

    public IReadOnlyList<(LocatedScalar Key, T? Value)> Entries => _entries;

    public void Add(LocatedScalar key, T? value) => _entries.Add((key, value));

    void ILocatedMap.Add(LocatedScalar key, object? value) => Add(key, (T?)value);
}

/// <summary>Lets the node deserializer fill a <see cref="LocatedMap{T}"/> without knowing its T.</summary>
internal interface ILocatedMap
{
    void Add(LocatedScalar key, object? value);
}
