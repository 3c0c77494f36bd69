using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace BotPlatform.Infrastructure.Organisation.Yaml;

/// <summary>
/// Reads every scalar of the file as text with its line. Values are parsed by the section readers,
/// which can then say which line holds a bad date or an unknown role, instead of YamlDotNet's type
/// conversion errors.
/// </summary>
internal sealed class LocatedScalarNodeDeserializer : INodeDeserializer
{
    public bool Deserialize(
        IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        value = null;
        if (expectedType != typeof(LocatedScalar))
        {
            return false;
        }

        if (reader.TryConsume<Scalar>(out var scalar))
        {
            value = YamlNulls.IsNull(scalar) ? null : new LocatedScalar(scalar.Value, checked((int)scalar.Start.Line));
            return true;
        }

        var node = reader.Current ?? throw new YamlException("Unexpected end of the file.");
        throw new YamlException(node.Start, node.End, $"expected a single value, found {YamlNulls.Describe(node)}");
    }
}

/// <summary>Reads <c>List&lt;T&gt;</c> properties, insisting on a YAML sequence and rejecting empty items.</summary>
internal sealed class LocatedListNodeDeserializer : INodeDeserializer
{
    public bool Deserialize(
        IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        value = null;
        if (!expectedType.IsGenericType || expectedType.GetGenericTypeDefinition() != typeof(List<>))
        {
            return false;
        }

        var node = reader.Current ?? throw new YamlException("Unexpected end of the file.");
        if (node is Scalar scalar && YamlNulls.IsNull(scalar))
        {
            reader.MoveNext();
            return true;
        }

        if (!reader.TryConsume<SequenceStart>(out _))
        {
            throw new YamlException(node.Start, node.End, $"expected a list ([a, b] or lines starting with '- '), found {YamlNulls.Describe(node)}");
        }

        var itemType = expectedType.GetGenericArguments()[0];
        var list = (System.Collections.IList)Activator.CreateInstance(expectedType)!;
        while (!reader.TryConsume<SequenceEnd>(out _))
        {
            var itemStart = reader.Current ?? throw new YamlException("Unexpected end of the file.");
            var item = nestedObjectDeserializer(reader, itemType)
                ?? throw new YamlException(itemStart.Start, itemStart.End, "empty list item");
            list.Add(item);
        }

        value = list;
        return true;
    }
}

/// <summary>Reads <see cref="LocatedMap{T}"/> properties: a mapping whose keys the section readers check.</summary>
internal sealed class LocatedMapNodeDeserializer : INodeDeserializer
{
    public bool Deserialize(
        IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        value = null;
        if (!expectedType.IsGenericType || expectedType.GetGenericTypeDefinition() != typeof(LocatedMap<>))
        {
            return false;
        }

        var node = reader.Current ?? throw new YamlException("Unexpected end of the file.");
        if (node is Scalar scalar && YamlNulls.IsNull(scalar))
        {
            reader.MoveNext();
            return true;
        }

        if (!reader.TryConsume<MappingStart>(out var start))
        {
            throw new YamlException(node.Start, node.End, $"expected a mapping of 'key: value' lines, found {YamlNulls.Describe(node)}");
        }

        var valueType = expectedType.GetGenericArguments()[0];
        var map = (ILocatedMap)Activator.CreateInstance(expectedType, checked((int)start.Start.Line))!;
        while (!reader.TryConsume<MappingEnd>(out _))
        {
            var keyStart = reader.Current ?? throw new YamlException("Unexpected end of the file.");
            var key = (LocatedScalar?)nestedObjectDeserializer(reader, typeof(LocatedScalar))
                ?? throw new YamlException(keyStart.Start, keyStart.End, "empty key");
            map.Add(key, nestedObjectDeserializer(reader, valueType));
        }

        value = map;
        return true;
    }
}

/// <summary>
/// Runs first for section DTOs: they must be mappings. Without it a scalar such as
/// <c>organisation: hello</c> would reach YamlDotNet's string conversion and fail with a cast error.
/// </summary>
internal sealed class LocatedMappingGuard : INodeDeserializer
{
    public bool Deserialize(
        IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        value = null;
        if (!typeof(LocatedNode).IsAssignableFrom(expectedType))
        {
            return false;
        }

        var node = reader.Current ?? throw new YamlException("Unexpected end of the file.");
        switch (node)
        {
            case MappingStart:
                return false;
            case Scalar scalar when YamlNulls.IsNull(scalar):
                reader.MoveNext();
                return true;
            default:
                throw new YamlException(node.Start, node.End, $"expected a mapping of 'key: value' lines, found {YamlNulls.Describe(node)}");
        }
    }
}

/// <summary>Wraps YamlDotNet's object deserializer so that section DTOs remember their line.</summary>
internal sealed class LocatedObjectNodeDeserializer(INodeDeserializer inner) : INodeDeserializer
{
    public bool Deserialize(
        IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        var line = reader.Current is { } node ? checked((int)node.Start.Line) : 0;
        if (!inner.Deserialize(reader, expectedType, nestedObjectDeserializer, out value, rootDeserializer))
        {
            return false;
        }

        if (value is LocatedNode located)
        {
            located.Line = line;
        }

        return true;
    }
}

internal static class YamlNulls
{
    public static bool IsNull(Scalar scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";

    public static string Describe(ParsingEvent node) => node switch
    {
        SequenceStart => "a list",
        MappingStart => "a mapping",
        Scalar scalar => $"the value '{scalar.Value}'",
        _ => "nothing",
    };
}
