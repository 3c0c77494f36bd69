using System.Text.RegularExpressions;
using BotPlatform.Core.Approvals;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>The <c>approvals:</c> mapping: what the approval requests offer to choose from and how they are numbered.</summary>
internal sealed class ApprovalsDto : LocatedNode
{
    public List<CodeNameDto>? CostItems { get; set; }
    public List<LocatedScalar>? RejectReasons { get; set; }
    public List<LocatedScalar>? PaymentDays { get; set; }
    public NumberingDto? Numbering { get; set; }
    public List<CodeNameDto>? DocumentKinds { get; set; }
}

/// <summary>One entry of <c>cost_items:</c> or <c>document_kinds:</c>.</summary>
internal sealed class CodeNameDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Name { get; set; }
}

internal sealed class NumberingDto : LocatedNode
{
    public LocatedScalar? Payment { get; set; }
    public LocatedScalar? Contract { get; set; }
}

/// <summary>Each key left out keeps the value of <see cref="ApprovalsDefinition.Default"/>.</summary>
internal static partial class ApprovalsSection
{
    public static ApprovalsDefinition Read(ApprovalsDto? dto, OrganisationFileErrors errors)
    {
        var defaults = ApprovalsDefinition.Default;
        if (dto is null)
        {
            return defaults;
        }

        return defaults with
        {
            CostItems = dto.CostItems is { } items
                ? ReadCodes(items, "cost item", dto.Line, errors, (code, name) => new CostItem(code, name))
                : defaults.CostItems,
            RejectReasons = dto.RejectReasons is { } reasons ? ReadReasons(reasons, errors) : defaults.RejectReasons,
            PaymentDays = dto.PaymentDays is { } days ? ReadPaymentDays(days, dto.Line, errors) : defaults.PaymentDays,
            Numbering = new Dictionary<RequestKind, string>
            {
                [RequestKind.Payment] = ReadNumbering(dto.Numbering?.Payment, errors) ?? defaults.Numbering[RequestKind.Payment],
                [RequestKind.Contract] = ReadNumbering(dto.Numbering?.Contract, errors) ?? defaults.Numbering[RequestKind.Contract],
            },
            DocumentKinds = dto.DocumentKinds is { } kinds
                ? ReadCodes(kinds, "document kind", dto.Line, errors, (code, name) => new DocumentKindDefinition(code, name))
                : defaults.DocumentKinds,
        };
    }

    private static IReadOnlyList<T> ReadCodes<T>(
        List<CodeNameDto> dtos, string what, int sectionLine, OrganisationFileErrors errors, Func<string, string, T> create)
    {
        if (dtos.Count == 0)
        {
            errors.Add(sectionLine, $"approvals: list at least one {what}, or leave the key out for the defaults");
        }

        var result = new List<T>();
        var lineByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in dtos)
        {
            var name = ValueReader.Text(dto.Name);
            if (dto.Code is not { } codeValue || ValueReader.Text(codeValue) is not { } code)
            {
                errors.Add(dto.Code?.Line ?? dto.Line, $"{what} '{name}': 'code' is required");
                continue;
            }

            if (!ValueReader.IsCode(code))
            {
                errors.Add(codeValue, $"{what} code '{code}' may contain only latin letters, digits, _ and -");
            }
            else if (!lineByCode.TryAdd(code, codeValue.Line))
            {
                errors.Add(codeValue, $"{what} code '{code}' is already used on line {lineByCode[code]}");
                continue;
            }

            if (name is null)
            {
                errors.Add(dto.Name?.Line ?? dto.Line, $"{what} '{code}': 'name' is required");
            }

            result.Add(create(code, name ?? code));
        }

        return result;
    }

    private static IReadOnlyList<string> ReadReasons(List<LocatedScalar> values, OrganisationFileErrors errors)
    {
        var reasons = new List<string>();
        foreach (var value in values)
        {
            if (ValueReader.Text(value) is not { } reason)
            {
                errors.Add(value, "a reject reason must not be empty");
            }
            else if (reasons.Contains(reason, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add(value, $"reject reason '{reason}' is listed twice");
            }
            else
            {
                reasons.Add(reason);
            }
        }

        return reasons;
    }

    private static IReadOnlyList<DayOfWeek> ReadPaymentDays(List<LocatedScalar> values, int sectionLine, OrganisationFileErrors errors)
    {
        if (values.Count == 0)
        {
            errors.Add(sectionLine, "approvals: 'payment_days' must list at least one day");
        }

        return ValueReader.MondayFirst(values.Select(v => ValueReader.Day(v, "payment day", errors)).OfType<DayOfWeek>());
    }

    /// <summary>A request number such as "ЗО-{yyyy}-{seq:0000}": {seq} once (zero-padded by its 0s), {yyyy} optional.</summary>
    private static string? ReadNumbering(LocatedScalar? value, OrganisationFileErrors errors)
    {
        if (value is null)
        {
            return null;
        }

        var format = value.Text.Trim();
        var sequences = 0;
        foreach (var placeholder in Placeholder().Matches(format).Select(m => m.Value))
        {
            if (placeholder.StartsWith("{seq", StringComparison.Ordinal))
            {
                sequences++;
                if (!SequencePlaceholder().IsMatch(placeholder))
                {
                    errors.Add(value, $"placeholder {placeholder} in numbering '{format}' must be {{seq}} or zero-padded like {{seq:0000}}");
                }
            }
            else if (placeholder != "{yyyy}")
            {
                errors.Add(value, $"unknown placeholder {placeholder} in numbering '{format}' (use {{yyyy}}, {{seq}} or {{seq:0000}})");
            }
        }

        if (Placeholder().Replace(format, string.Empty).IndexOfAny(['{', '}']) >= 0)
        {
            errors.Add(value, $"numbering '{format}' has a brace that opens or closes no placeholder");
        }
        else if (sequences != 1)
        {
            errors.Add(value, $"numbering '{format}' must contain the request's sequence number {{seq}} (or {{seq:0000}}) exactly once");
        }

        return format;
    }

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\{seq(:[0#]+)?\}$", RegexOptions.CultureInvariant)]
    private static partial Regex SequencePlaceholder();
}
