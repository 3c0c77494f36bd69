using System.Globalization;
using System.Text.RegularExpressions;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Localization;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>The <c>documents:</c> mapping: the services catalogue, the document kinds and the deal numbering.</summary>
internal sealed class DocumentsDto : LocatedNode
{
    public List<ServiceDto>? Services { get; set; }
    public List<KindDto>? Kinds { get; set; }
    public LocatedScalar? DealNumbering { get; set; }
    public LocatedScalar? VatRate { get; set; }
    /// <summary>The agency's own requisites, keyed like a client import row (legal_name, inn, kpp, bik, ...).</summary>
    public LocatedMap<LocatedScalar>? Seller { get; set; }
    public LocatedScalar? City { get; set; }
    public LocatedScalar? UnreturnedAfterDays { get; set; }
}

internal sealed class ServiceDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Name { get; set; }
    public LocatedScalar? Unit { get; set; }
    public LocatedScalar? Price { get; set; }
    public LocatedScalar? Contract { get; set; }
    public List<LocatedScalar>? Appendices { get; set; }
}

internal sealed class KindDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Title { get; set; }
    public LocatedScalar? Numbering { get; set; }
    public LocatedScalar? Copies { get; set; }
    public LocatedScalar? Duplex { get; set; }
}

/// <summary>
/// Each key left out keeps the value of <see cref="DocumentsDefinition.Default"/>; a kind left out of
/// <c>kinds:</c> keeps its default settings. Template codes are checked for their form here; whether a
/// template with the code exists is the templates feature's check (templates live in storage, versioned).
/// </summary>
internal static partial class DocumentsSection
{
    public const int MaxCopies = 10;

    private static readonly Dictionary<string, bool> Booleans = new(StringComparer.OrdinalIgnoreCase)
    {
        ["true"] = true, ["yes"] = true, ["on"] = true, ["false"] = false, ["no"] = false, ["off"] = false,
    };

    public static DocumentsDefinition? Read(DocumentsDto? dto, OrganisationFileErrors errors)
    {
        if (dto is null) return null;
        var defaults = DocumentsDefinition.Default;
        return defaults with
        {
            Services = dto.Services is { } services ? ReadServices(services, dto.Line, errors) : defaults.Services,
            Kinds = dto.Kinds is { } kinds ? ReadKinds(kinds, errors) : defaults.Kinds,
            DealNumbering = dto.DealNumbering is { } deal ? ReadDealNumbering(deal, errors) : defaults.DealNumbering,
            DefaultVatRate = dto.VatRate is { } rate ? ReadRate(rate, errors) : defaults.DefaultVatRate,
            Seller = dto.Seller is { } seller ? ReadSeller(seller, errors) : defaults.Seller,
            Accountant = dto.Seller is { } accounts ? ReadAccountant(accounts, errors) : defaults.Accountant,
            City = dto.City is { } city ? Required(city, "city", "documents", city.Line, errors) ?? defaults.City : defaults.City,
            UnreturnedAfterDays = dto.UnreturnedAfterDays is { } days
                ? ValueReader.PositiveInteger(days, "unreturned_after_days", errors) ?? defaults.UnreturnedAfterDays
                : defaults.UnreturnedAfterDays,
        };
    }

    /// <summary>
    /// The seller's requisites must be as complete and valid as a client's: every document prints them.
    /// An unknown key is reported at its line, missing or invalid requisites at the mapping's.
    /// </summary>
    private static Client? ReadSeller(LocatedMap<LocatedScalar> map, OrganisationFileErrors errors)
    {
        var known = ClientFields.All.Select(f => f.Key).Concat(AccountantKeys).ToHashSet();
        var values = new Dictionary<string, string>();
        foreach (var (key, value) in map.Entries)
        {
            if (AccountantKeys.Contains(key.Text)) continue;
            if (!known.Contains(key.Text))
            {
                errors.Add(key, $"unknown seller key '{key.Text}' (known: {string.Join(", ", known)})");
                continue;
            }
            values[key.Text] = value?.Text ?? "";
        }
        var seller = ClientFields.ToClient(values);
        var problems = ClientRequisites.Check(seller);
        foreach (var problem in problems)
        {
            var text = ClientProblems.Texts.TryGetValue(problem.Code, out var message) ? message.In(Lang.En, problem.Args) : problem.ToString();
            errors.Add(map.Line, "seller: " + text);
        }
        return problems.Count == 0 ? seller : null;
    }

    private const string ChiefAccountantKey = "chief_accountant";
    private const string ProxyKey = "accountant_proxy";
    private const string ProxyBasisKey = "accountant_proxy_basis";
    private static readonly string[] AccountantKeys = [ChiefAccountantKey, ProxyKey, ProxyBasisKey];

    /// <summary>
    /// The seller's chief accountant, printed on the invoice's «Бухгалтер» line: required for a company (a sole
    /// trader, ИНН of 12 digits, signs for the accounts himself); someone who signs for them by a power of
    /// attorney comes with its basis, and a basis without that person is a mistake.
    /// </summary>
    private static SellerAccountant? ReadAccountant(LocatedMap<LocatedScalar> map, OrganisationFileErrors errors)
    {
        LocatedScalar? Value(string key) => map.Entries.FirstOrDefault(e => e.Key.Text == key).Value;
        var chief = ValueReader.Text(Value(ChiefAccountantKey));
        var proxy = ValueReader.Text(Value(ProxyKey));
        var basis = ValueReader.Text(Value(ProxyBasisKey));
        var inn = ValueReader.Text(Value("inn"));
        var soleTrader = inn is { Length: 12 };
        if (chief is null && !soleTrader)
            errors.Add(map.Line, $"seller: '{ChiefAccountantKey}' is required: the name of the chief accountant, printed on the invoice's «Бухгалтер» line");
        if (proxy is not null && basis is null)
            errors.Add(Value(ProxyKey)!, $"seller: '{ProxyKey}' signs for the chief accountant by a power of attorney: add '{ProxyBasisKey}' (e.g. доверенности № 12 от 09.01.2026)");
        if (basis is not null && proxy is null)
            errors.Add(Value(ProxyBasisKey)!, $"seller: '{ProxyBasisKey}' needs '{ProxyKey}', the name of the person who signs by it");
        if (proxy is not null && chief is null)
            errors.Add(Value(ProxyKey)!, $"seller: '{ProxyKey}' signs for the chief accountant: add '{ChiefAccountantKey}'");
        return chief is null ? null : new SellerAccountant(chief, proxy, proxy is null ? null : basis);
    }

    private static List<ServiceDefinition> ReadServices(List<ServiceDto> dtos, int sectionLine, OrganisationFileErrors errors)
    {
        if (dtos.Count == 0) errors.Add(sectionLine, "documents: list at least one service, or leave 'services' out for the defaults");
        var services = new List<ServiceDefinition>();
        var lineByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in dtos)
        {
            var code = ValueReader.Text(dto.Code);
            var where = code is null ? $"the service on line {dto.Line}" : $"service '{code}'";
            if (code is null) errors.Add(dto.Line, "a service needs a 'code'");
            else if (!ValueReader.IsCode(code)) errors.Add(dto.Code!, $"service code '{code}' may contain only latin letters, digits, _ and -");
            else if (!lineByCode.TryAdd(code, dto.Code!.Line)) errors.Add(dto.Code, $"service code '{code}' is already used on line {lineByCode[code]}");
            var name = Required(dto.Name, "name", where, dto.Line, errors);
            var unit = Required(dto.Unit, "unit", where, dto.Line, errors);
            var contract = dto.Contract is null
                ? Missing($"{where} has no contract template: add 'contract: TEMPLATE_CODE'", dto.Line, errors)
                : TemplateCode(dto.Contract, where, errors);
            var appendices = (dto.Appendices ?? []).Select(a => TemplateCode(a, where, errors)).OfType<string>().ToList();
            var price = dto.Price is { } p ? ReadPrice(p, where, errors) : null;
            if (code is not null && name is not null && unit is not null && contract is not null)
                services.Add(new ServiceDefinition(code, name, unit, price, contract, appendices));
        }
        return services;
    }

    private static List<DocumentKindSettings> ReadKinds(List<KindDto> dtos, OrganisationFileErrors errors)
    {
        var kinds = DocumentsDefinition.Default.Kinds.ToDictionary(k => k.Kind);
        var lineByKind = new Dictionary<string, int>();
        foreach (var dto in dtos)
        {
            if (dto.Code is not { } codeValue || ValueReader.Text(codeValue) is not { } code)
            {
                errors.Add(dto.Line, "a document kind needs a 'code'");
                continue;
            }
            var key = code.ToLowerInvariant();
            if (!kinds.TryGetValue(key, out var settings))
            {
                errors.Add(codeValue, $"unknown document kind '{code}' (known: {string.Join(", ", kinds.Keys)})");
                continue;
            }
            if (!lineByKind.TryAdd(key, codeValue.Line))
            {
                errors.Add(codeValue, $"document kind '{code}' is already set on line {lineByKind[key]}");
                continue;
            }
            kinds[key] = settings with
            {
                Title = dto.Title is { } t ? Required(t, "title", $"kind '{key}'", dto.Line, errors) ?? settings.Title : settings.Title,
                Numbering = dto.Numbering is { } n ? ReadKindNumbering(n, key, errors) : settings.Numbering,
                Copies = dto.Copies is { } c ? ReadCopies(c, key, errors) : settings.Copies,
                Duplex = dto.Duplex is { } d ? ValueReader.OneOf(d, $"duplex value of kind '{key}'", Booleans, errors) ?? settings.Duplex : settings.Duplex,
            };
        }
        return [.. DocumentsDefinition.Default.Kinds.Select(k => kinds[k.Kind])];
    }

    /// <summary>
    /// A kind's numbering: {seq} (or {seq:0000}) exactly once, with {yyyy} optional, for a document numbered
    /// on its own; or {contract} and {n} for one numbered within its contract (not the contract itself).
    /// </summary>
    private static string ReadKindNumbering(LocatedScalar value, string kind, OrganisationFileErrors errors)
    {
        var format = value.Text.Trim();
        if (!CheckPlaceholders(value, format, ["{yyyy}", "{contract}", "{n}"], errors)) return format;
        var seq = Placeholder().Matches(format).Count(m => m.Value.StartsWith("{seq", StringComparison.Ordinal));
        var withinContract = format.Contains("{contract}", StringComparison.Ordinal) || format.Contains("{n}", StringComparison.Ordinal);
        if (withinContract && kind == DocumentsDefinition.FrameworkContract)
            errors.Add(value, $"numbering '{format}' of kind '{kind}' cannot use {{contract}} or {{n}}: a contract is numbered on its own");
        else if (withinContract && (seq > 0 || Count(format, "{contract}") != 1 || Count(format, "{n}") != 1))
            errors.Add(value, $"numbering '{format}' of kind '{kind}' must contain {{contract}} and {{n}} once each, without {{seq}}");
        else if (!withinContract && seq != 1)
            errors.Add(value, $"numbering '{format}' of kind '{kind}' must contain the sequence number {{seq}} (or {{seq:0000}}) exactly once");
        return format;
    }

    private static string ReadDealNumbering(LocatedScalar value, OrganisationFileErrors errors)
    {
        var format = value.Text.Trim();
        if (CheckPlaceholders(value, format, ["{yyyy}"], errors)
            && Placeholder().Matches(format).Count(m => m.Value.StartsWith("{seq", StringComparison.Ordinal)) != 1)
            errors.Add(value, $"deal numbering '{format}' must contain the sequence number {{seq}} (or {{seq:0000}}) exactly once");
        return format;
    }

    /// <summary>Known placeholders only, a well-formed {seq}, no stray braces; false when something was reported.</summary>
    private static bool CheckPlaceholders(LocatedScalar value, string format, string[] allowed, OrganisationFileErrors errors)
    {
        var ok = true;
        foreach (var placeholder in Placeholder().Matches(format).Select(m => m.Value))
        {
            if (placeholder.StartsWith("{seq", StringComparison.Ordinal) ? SequencePlaceholder().IsMatch(placeholder) : allowed.Contains(placeholder)) continue;
            errors.Add(value, $"unknown placeholder {placeholder} in numbering '{format}' (use {string.Join(", ", allowed)}, {{seq}} or {{seq:0000}})");
            ok = false;
        }
        if (Placeholder().Replace(format, string.Empty).IndexOfAny(['{', '}']) >= 0)
        {
            errors.Add(value, $"numbering '{format}' has a brace that opens or closes no placeholder");
            ok = false;
        }
        return ok;
    }

    private static int Count(string format, string placeholder) => Regex.Count(format, Regex.Escape(placeholder));

    private static string? TemplateCode(LocatedScalar value, string where, OrganisationFileErrors errors)
    {
        var code = value.Text.Trim();
        if (ValueReader.IsCode(code)) return code;
        errors.Add(value, $"template code '{value.Text}' of {where} may contain only latin letters, digits, _ and -");
        return null;
    }

    private static decimal? ReadPrice(LocatedScalar value, string where, OrganisationFileErrors errors)
    {
        if (decimal.TryParse(value.Text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price) && price > 0 && price.Scale <= 2)
            return price;
        errors.Add(value, $"price '{value.Text}' of {where} is not a positive amount like 120000 or 3500.50");
        return null;
    }

    private static decimal ReadRate(LocatedScalar value, OrganisationFileErrors errors)
    {
        if (decimal.TryParse(value.Text.Trim().TrimEnd('%'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate) && rate <= 100)
            return rate;
        errors.Add(value, $"vat_rate '{value.Text}' is not a percentage from 0 to 100");
        return DocumentsDefinition.StandardVatRate;
    }

    private static int ReadCopies(LocatedScalar value, string kind, OrganisationFileErrors errors)
    {
        var copies = ValueReader.PositiveInteger(value, $"copies of kind '{kind}'", errors);
        if (copies > MaxCopies) errors.Add(value, $"copies of kind '{kind}' must be at most {MaxCopies}");
        return copies ?? 1;
    }

    private static string? Required(LocatedScalar? value, string key, string where, int line, OrganisationFileErrors errors) =>
        ValueReader.Text(value) ?? Missing($"{where}: '{key}' is required", value?.Line ?? line, errors);

    private static string? Missing(string problem, int line, OrganisationFileErrors errors)
    {
        errors.Add(line, problem);
        return null;
    }

    [GeneratedRegex(@"\{[^{}]*\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^\{seq(:[0#]+)?\}$", RegexOptions.CultureInvariant)]
    private static partial Regex SequencePlaceholder();
}
