using System.Text.Json;
using System.Text.RegularExpressions;

namespace BotPlatform.Testing;

/// <summary>The trimmed official Bot API description embedded in this assembly (see BotApi/trim.py).</summary>
public sealed partial class BotApiSpec
{
    public const string ResourceName = "BotPlatform.Testing.bot-api.trimmed.json";

    private static readonly Lazy<BotApiSpec> Embedded = new(LoadEmbedded);

    private BotApiSpec(string version, IReadOnlyDictionary<string, MethodSpec> methods, IReadOnlyDictionary<string, TypeSpec> types)
    {
        Version = version;
        Methods = methods;
        Types = types;
    }

    public static BotApiSpec Instance => Embedded.Value;

    public string Version { get; }

    /// <summary>Methods by name; Telegram matches method names case-insensitively, so does this map.</summary>
    public IReadOnlyDictionary<string, MethodSpec> Methods { get; }

    public IReadOnlyDictionary<string, TypeSpec> Types { get; }

    public static BotApiSpec Parse(JsonElement root)
    {
        var methods = new Dictionary<string, MethodSpec>(StringComparer.OrdinalIgnoreCase);
        foreach (var method in root.GetProperty("methods").EnumerateObject())
        {
            methods[method.Name] = new MethodSpec(method.Name, ReadFields(method.Value), ReadStrings(method.Value, "returns"));
        }

        var types = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
        foreach (var type in root.GetProperty("types").EnumerateObject())
        {
            types[type.Name] = new TypeSpec(type.Name, ReadFields(type.Value), ReadStrings(type.Value, "subtypes"));
        }

        return new BotApiSpec(root.GetProperty("version").GetString() ?? "", methods, types);
    }

    private static BotApiSpec LoadEmbedded()
    {
        using var stream = typeof(BotApiSpec).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing; run sandbox/BotPlatform.BotApiEmulator/BotApi/trim.py");
        using var document = JsonDocument.Parse(stream);
        return Parse(document.RootElement);
    }

    private static IReadOnlyList<FieldSpec> ReadFields(JsonElement owner) =>
        owner.TryGetProperty("fields", out var fields)
            ? fields.EnumerateArray().Select(f => new FieldSpec(
                f.GetProperty("name").GetString() ?? "",
                f.GetProperty("types").EnumerateArray().Select(t => t.GetString() ?? "").ToArray(),
                f.GetProperty("required").GetBoolean(),
                f.GetProperty("description").GetString() ?? "")).ToArray()
            : [];

    private static IReadOnlyList<string> ReadStrings(JsonElement owner, string property) =>
        owner.TryGetProperty(property, out var values) ? values.EnumerateArray().Select(v => v.GetString() ?? "").ToArray() : [];

    /// <summary>
    /// The value a subtype's discriminator field must carry, read from its description
    /// ("Scope type, must be chat", "The member's status in the chat, always "member"").
    /// </summary>
    internal static string? DiscriminatorValue(FieldSpec field)
    {
        var match = DiscriminatorPattern().Match(field.Description);
        return match.Success ? match.Groups[1].Value : null;
    }

    [GeneratedRegex("""(?:must be|always) [“"]?([a-z_]+)""")]
    private static partial Regex DiscriminatorPattern();
}

public sealed record MethodSpec(string Name, IReadOnlyList<FieldSpec> Fields, IReadOnlyList<string> Returns);

public sealed record TypeSpec(string Name, IReadOnlyList<FieldSpec> Fields, IReadOnlyList<string> Subtypes);

public sealed record FieldSpec(string Name, IReadOnlyList<string> Types, bool Required, string Description);
