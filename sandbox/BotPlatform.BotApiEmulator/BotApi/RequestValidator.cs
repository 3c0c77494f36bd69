using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

/// <summary>
/// Checks a request against the method's description: required parameters, parameter types
/// (Integer, Float, Boolean, String, Array of X, described object types and their subtypes,
/// InputFile) and, inside JSON objects such as reply_markup, the same for every nested field.
/// Unknown parameters and fields are ignored, as Telegram does. Values come back normalised:
/// numbers sent as strings become numbers, JSON sent as a string becomes JSON.
/// </summary>
internal sealed class RequestValidator(BotApiSpec spec)
{
    // Telegram's own wording where it differs from "<param> is required".
    private static readonly Dictionary<string, string> MissingWording = new()
    {
        ["text"] = "message text is empty",
        ["document"] = "there is no document in the request",
        ["photo"] = "there is no photo in the request",
    };

    public BotApiArgs Validate(MethodSpec method, BotApiRequest request)
    {
        var values = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        var uploads = new Dictionary<string, UploadedFile>(StringComparer.Ordinal);

        foreach (var field in method.Fields)
        {
            if (field.Types.Contains("InputFile") && ResolveUpload(field.Name, request) is { } upload)
            {
                uploads[field.Name] = upload;
                continue;
            }

            if (!request.Parameters.TryGetValue(field.Name, out var raw) || raw is null)
            {
                if (field.Required)
                {
                    throw BotApiException.BadRequest(MissingWording.GetValueOrDefault(field.Name, field.Name + " is required"));
                }

                continue;
            }

            var types = field.Types.Where(t => t != "InputFile").ToArray();
            values[field.Name] = types.Length > 0
                ? Check(field.Name, raw, types)
                : throw BotApiException.BadRequest(field.Name + " must be an uploaded file");
        }

        return new BotApiArgs(values, uploads);
    }

    private static UploadedFile? ResolveUpload(string name, BotApiRequest request)
    {
        if (request.Files.TryGetValue(name, out var direct))
        {
            return direct;
        }

        if (request.Parameters.TryGetValue(name, out var raw) && raw is JsonValue value
            && value.TryGetValue<string>(out var text) && text.StartsWith("attach://", StringComparison.Ordinal))
        {
            var part = text["attach://".Length..];
            return request.Files.TryGetValue(part, out var attached)
                ? attached
                : throw BotApiException.BadRequest($"{name}: file attach://{part} was not found in the request");
        }

        return null;
    }

    private JsonNode Check(string path, JsonNode value, IReadOnlyList<string> types)
    {
        // A string holding JSON is how form posts carry objects and arrays; Telegram accepts it in JSON bodies too.
        var objectTypes = types.Where(t => spec.Types.ContainsKey(t)).ToArray();
        var arrayTypes = types.Where(t => t.StartsWith("Array of ", StringComparison.Ordinal)).ToArray();
        if (value is JsonValue stringValue && stringValue.TryGetValue<string>(out var text)
            && (objectTypes.Length > 0 || arrayTypes.Length > 0) && !types.Contains("String"))
        {
            value = ParseEmbeddedJson(path, text, objectTypes.Length > 0 ? "object" : "array");
        }

        if (value is JsonObject obj && objectTypes.Length > 0)
        {
            return CheckObjectAlternatives(path, obj, objectTypes);
        }

        if (value is JsonArray array && arrayTypes.Length > 0)
        {
            var elementTypes = arrayTypes.Select(t => t["Array of ".Length..]).ToArray();
            var checkedArray = new JsonArray();
            for (var i = 0; i < array.Count; i++)
            {
                var element = array[i] ?? throw WrongType($"{path}[{i}]", elementTypes);
                checkedArray.Add(Check($"{path}[{i}]", element, elementTypes));
            }

            return checkedArray;
        }

        if (value is JsonValue scalar)
        {
            foreach (var type in types)
            {
                if (CoerceScalar(path, scalar, type) is { } coerced)
                {
                    return coerced;
                }
            }
        }

        if (types.Any(t => !IsKnown(t)))
        {
            return value.DeepClone(); // a type the trimmed description does not carry: accept as sent
        }

        throw WrongType(path, types);
    }

    private bool IsKnown(string type) =>
        type is "Integer" or "Float" or "Boolean" or "String" or "True"
        || spec.Types.ContainsKey(type)
        || (type.StartsWith("Array of ", StringComparison.Ordinal) && IsKnown(type["Array of ".Length..]));

    private static JsonNode ParseEmbeddedJson(string path, string text, string expected)
    {
        try
        {
            return JsonNode.Parse(text) ?? throw new JsonException("null");
        }
        catch (JsonException)
        {
            throw BotApiException.BadRequest($"can't parse {path} JSON {expected}");
        }
    }

    private static JsonNode? CoerceScalar(string path, JsonValue value, string type)
    {
        var kind = value.GetValueKind();
        var text = kind == JsonValueKind.String ? value.GetValue<string>() : null;
        switch (type)
        {
            case "Integer":
                if (kind == JsonValueKind.Number && value.TryGetValue<long>(out var number))
                {
                    return JsonValue.Create(number);
                }

                return text is not null && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? JsonValue.Create(parsed)
                    : null;
            case "Float":
                if (kind == JsonValueKind.Number)
                {
                    return JsonValue.Create(value.GetValue<double>());
                }

                return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
                    ? JsonValue.Create(real)
                    : null;
            case "Boolean" or "True":
                if (kind is JsonValueKind.True or JsonValueKind.False)
                {
                    return JsonValue.Create(kind == JsonValueKind.True);
                }

                return text?.ToLowerInvariant() switch
                {
                    "true" or "1" => JsonValue.Create(true),
                    "false" or "0" => JsonValue.Create(false),
                    _ => null,
                };
            case "String":
                if (kind == JsonValueKind.Number)
                {
                    return JsonValue.Create(value.ToJsonString());
                }

                if (text is null)
                {
                    return null;
                }

                // Every Integer-or-String identifier in the API is a chat id: a number or @username.
                if (path.EndsWith("chat_id", StringComparison.Ordinal) && !text.StartsWith('@'))
                {
                    throw BotApiException.BadRequest($"{path} must be an Integer or a String @username, got \"{text}\"");
                }

                return JsonValue.Create(text);
            default:
                return null;
        }
    }

    private JsonObject CheckObjectAlternatives(string path, JsonObject obj, IReadOnlyList<string> typeNames)
    {
        if (typeNames.Count == 1)
        {
            return CheckObject(path, obj, spec.Types[typeNames[0]]);
        }

        // reply_markup and the like: the alternative whose required fields are all present decides.
        foreach (var name in typeNames)
        {
            var type = spec.Types[name];
            if (type.Subtypes.Count > 0 || type.Fields.Where(f => f.Required).All(f => obj[f.Name] is not null))
            {
                return CheckObject(path, obj, type);
            }
        }

        throw BotApiException.BadRequest($"can't parse {path}: expected {string.Join(" or ", typeNames)}");
    }

    private JsonObject CheckObject(string path, JsonObject obj, TypeSpec type)
    {
        if (type.Subtypes.Count > 0)
        {
            return CheckObject(path, obj, ChooseSubtype(path, obj, type));
        }

        var result = new JsonObject();
        foreach (var (key, node) in obj)
        {
            result[key] = node?.DeepClone();
        }

        foreach (var field in type.Fields)
        {
            var fieldPath = $"{path}.{field.Name}";
            if (obj[field.Name] is not { } fieldValue)
            {
                if (field.Required)
                {
                    throw BotApiException.BadRequest(fieldPath + " is required");
                }

                continue;
            }

            result[field.Name] = Check(fieldPath, fieldValue, field.Types);
        }

        return result;
    }

    private TypeSpec ChooseSubtype(string path, JsonObject obj, TypeSpec type)
    {
        var subtypes = type.Subtypes.Select(s => spec.Types[s]).ToArray();
        foreach (var subtype in subtypes)
        {
            var discriminator = subtype.Fields.FirstOrDefault(f => f.Required && BotApiSpec.DiscriminatorValue(f) is not null);
            if (discriminator is null)
            {
                continue;
            }

            var sent = obj[discriminator.Name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            if (sent is null)
            {
                throw BotApiException.BadRequest($"{path}.{discriminator.Name} is required");
            }

            if (sent == BotApiSpec.DiscriminatorValue(discriminator))
            {
                return subtype;
            }
        }

        throw BotApiException.BadRequest($"can't parse {path}: unsupported {type.Name}");
    }

    private static BotApiException WrongType(string path, IReadOnlyList<string> types) =>
        BotApiException.BadRequest($"{path} must be of type {string.Join(" or ", types)}");
}

/// <summary>Validated, normalised parameters of one call.</summary>
internal sealed class BotApiArgs(IReadOnlyDictionary<string, JsonNode> values, IReadOnlyDictionary<string, UploadedFile> uploads)
{
    public bool Has(string name) => values.ContainsKey(name) || uploads.ContainsKey(name);

    public JsonNode? Node(string name) => values.GetValueOrDefault(name);

    public long? Long(string name) => values.GetValueOrDefault(name) is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    public string? String(string name) => values.GetValueOrDefault(name) is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public bool Bool(string name) => values.GetValueOrDefault(name) is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    public JsonObject? Object(string name) => values.GetValueOrDefault(name) as JsonObject;

    public JsonArray? Array(string name) => values.GetValueOrDefault(name) as JsonArray;

    public UploadedFile? Upload(string name) => uploads.GetValueOrDefault(name);
}
