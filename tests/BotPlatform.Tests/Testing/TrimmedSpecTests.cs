using System.Text.Json;
using System.Text.Json.Nodes;
using BotPlatform.Testing;

namespace BotPlatform.Tests.Testing;

/// <summary>
/// The embedded trimmed description must be a verbatim excerpt of the official one. The official description is
/// not part of the repository: the comparisons run when it is at hand (the path in BOTAPI_SPEC, or a
/// shared/telegram/bot-api.json in a folder above the test binaries, as on the machine that regenerates the
/// excerpt with BotApi/trim.py); the checks of the excerpt itself always run.
/// </summary>
public sealed class TrimmedSpecTests
{
    private static readonly JsonNode? Full = FindFullSpec() is { } path ? JsonNode.Parse(File.ReadAllText(path)) ?? throw new InvalidOperationException("empty spec") : null;
    private static readonly JsonNode Trimmed = ReadTrimmed();

    [Fact]
    public void Trimmed_spec_has_the_same_version()
    {
        Assert.Equal(BotApiSpec.Instance.Version, (string?)Trimmed["version"]);
        if (Full is null) return; // optional: the official description is not at hand
        Assert.Equal((string?)Full["version"], (string?)Trimmed["version"]);
        Assert.Equal(BotApiSpec.Instance.Version, (string?)Full["version"]);
    }

    [Fact]
    public void Every_trimmed_method_equals_the_official_one()
    {
        var methods = Trimmed["methods"]?.AsObject() ?? throw new InvalidOperationException("no methods");

        Assert.NotEmpty(methods);
        if (Full is null) return; // optional: the official description is not at hand
        Assert.All(methods, m => Assert.True(JsonNode.DeepEquals(m.Value, Full["methods"]?[m.Key]), $"{m.Key} differs from the official description"));
    }

    [Fact]
    public void Every_trimmed_type_equals_the_official_one()
    {
        var types = Trimmed["types"]?.AsObject() ?? throw new InvalidOperationException("no types");
        Assert.NotEmpty(types);
        if (Full is null) return; // optional: the official description is not at hand

        Assert.All(types, t => Assert.True(JsonNode.DeepEquals(t.Value, Full["types"]?[t.Key]), $"{t.Key} differs from the official description"));
    }

    [Fact]
    public void Every_type_a_request_can_carry_is_in_the_trimmed_spec()
    {
        var spec = BotApiSpec.Instance;
        var scalars = new HashSet<string> { "Integer", "String", "Boolean", "Float", "True" };
        var pending = new Queue<string>(spec.Methods.Values.SelectMany(m => m.Fields).SelectMany(f => f.Types));
        var seen = new HashSet<string>();
        var missing = new List<string>();
        while (pending.TryDequeue(out var name))
        {
            name = name.Replace("Array of ", "");
            if (scalars.Contains(name) || !seen.Add(name))
            {
                continue;
            }

            if (!spec.Types.TryGetValue(name, out var type))
            {
                missing.Add(name);
                continue;
            }

            foreach (var next in type.Subtypes.Concat(type.Fields.SelectMany(f => f.Types)))
            {
                pending.Enqueue(next);
            }
        }

        Assert.Empty(missing);
        Assert.Contains("InlineKeyboardButton", seen);
    }

    [Fact]
    public void The_licence_of_the_description_travels_with_it()
    {
        var copy = Path.Combine(FindRepositoryRoot(), "sandbox", "BotPlatform.BotApiEmulator", "BotApi", "LICENSE.bot-api-spec");
        Assert.True(File.Exists(copy), "the licence of the Bot API description is in the repository");
        if (FindFullSpec() is not { } full) return; // optional: the official description is not at hand
        var licence = Path.Combine(Path.GetDirectoryName(full) ?? "", "LICENSE.bot-api-spec");

        Assert.Equal(File.ReadAllText(licence), File.ReadAllText(copy));
    }

    private static JsonNode ReadTrimmed()
    {
        using var stream = typeof(BotApiSpec).Assembly.GetManifestResourceStream(BotApiSpec.ResourceName)
            ?? throw new InvalidOperationException("trimmed spec not embedded");
        return JsonNode.Parse(stream) ?? throw new JsonException("empty trimmed spec");
    }

    /// <summary>The official description: BOTAPI_SPEC, or shared/telegram/bot-api.json found by walking up from the test binaries; null when neither exists.</summary>
    private static string? FindFullSpec()
    {
        if (Environment.GetEnvironmentVariable("BOTAPI_SPEC") is { Length: > 0 } configured && File.Exists(configured)) return configured;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "telegram", "bot-api.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BotPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("BotPlatform.sln not found above " + AppContext.BaseDirectory);
    }
}
