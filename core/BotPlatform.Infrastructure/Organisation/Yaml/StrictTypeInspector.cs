using System.Runtime.Serialization;
using YamlDotNet.Serialization;

namespace BotPlatform.Infrastructure.Organisation.Yaml;

/// <summary>
/// Unknown keys are errors (a misspelt key would otherwise silently fall back to a default). This
/// replaces YamlDotNet's "Property 'x' not found on type 'Dto'" with a message naming the keys that
/// are allowed; the object deserializer attaches the key's line.
/// </summary>
internal sealed class StrictTypeInspector(ITypeInspector inner) : ITypeInspector
{
    public IEnumerable<IPropertyDescriptor> GetProperties(Type type, object? container) => inner.GetProperties(type, container);

    public IPropertyDescriptor GetProperty(Type type, object? container, string name, bool ignoreUnmatched, bool caseInsensitivePropertyMatching)
    {
        var property = inner.GetProperty(type, container, name, ignoreUnmatched: true, caseInsensitivePropertyMatching);
        if (property is not null || ignoreUnmatched)
        {
            return property!;
        }

        var known = string.Join(", ", inner.GetProperties(type, container).Select(p => p.Name));
        throw new SerializationException($"unknown key '{name}' (known here: {known})");
    }

    public string GetEnumName(Type enumType, string name) => inner.GetEnumName(enumType, name);

    public string GetEnumValue(object enumValue) => inner.GetEnumValue(enumValue);
}
