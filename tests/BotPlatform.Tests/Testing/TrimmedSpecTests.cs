using System.Text.Json;
using System.Text.Json.Nodes;
using BotPlatform.Testing;

namespace BotPlatform.Tests.Testing;

/// <summary>The embedded trimmed description must be a verbatim excerpt of the official one beside the repository.</summary>
public sealed class TrimmedSpecTests
{
    private static readonly JsonNode Full = JsonNode.Parse(File.ReadAllText(FindFullSpec())) ?? throw new InvalidOperationException("empty spec");
    private static readonly JsonNode Trimmed = ReadTrimmed();

    [Fact]
    public void Trimmed_spec_has_the_same_version()
    {
        Assert.Equal((string?)Full["version"], (string?)Trimmed["version"]);
        Assert.Equal(BotApiSpec.Instance.Version, (string?)Full["version"]);
    }

    [Fact]
    public void Every_trimmed_method_equals_the_official_one()
    {
        var methods = Trimmed["methods"]?.AsObject() ?? throw new InvalidOperationException("no methods");

        Assert.NotEmpty(methods);
        Assert.All(methods, m => Assert.True(JsonNode.DeepEquals(m.Value, Full["methods"]?[m.Key]), $"{m.Key} differs from the official description"));
    }

    [Fact]
    public void Every_trimmed_type_equals_the_official_one()
    {
        var types = Trimmed["types"]?.AsObject() ?? throw new InvalidOperationException("no types");

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
        var licence = Path.Combine(Path.GetDirectoryName(FindFullSpec()) ?? "", "LICENSE.bot-api-spec");
        var copy = Path.Combine(FindRepositoryRoot(), "sandbox", "BotPlatform.BotApiEmulator", "BotApi", "LICENSE.bot-api-spec");

        Assert.Equal(File.ReadAllText(licence), File.ReadAllText(copy));
    }

    private static JsonNode ReadTrimmed()
    {
        using var stream = typeof(BotApiSpec).Assembly.GetManifestResourceStream(BotApiSpec.ResourceName)
            ?? throw new InvalidOperationException("trimmed spec not embedded");
        return JsonNode.Parse(stream) ?? throw new JsonException("empty trimmed spec");
    }

    /// <summary>../shared/telegram/bot-api.json beside the repository clone, found by walking up from the test binaries.</summary>
    private static string FindFullSpec()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "telegram", "bot-api.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("shared/telegram/bot-api.json not found above " + AppContext.BaseDirectory);
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
