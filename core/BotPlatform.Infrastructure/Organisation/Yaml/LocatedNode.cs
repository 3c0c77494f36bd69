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
