using BotPlatform.Core.Approvals;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>The <c>ledger:</c> mapping: what /income and /expense offer and which costs are fixed.</summary>
internal sealed class LedgerDto : LocatedNode
{
    public List<LedgerCategoryDto>? IncomeCategories { get; set; }
    public List<LocatedScalar>? FixedCostItems { get; set; }
    public LocatedScalar? InvoiceIncome { get; set; }
}

internal sealed class LedgerCategoryDto : LocatedNode
{
    public LocatedScalar? Code { get; set; }
    public LocatedScalar? Name { get; set; }
    public LocatedScalar? NameEn { get; set; }
    public LocatedScalar? Nature { get; set; }
}

/// <summary>
/// Each key left out keeps the value of <see cref="LedgerDefinition.Default"/>. Income categories need a unique latin code
/// and a name; fixed cost items must be cost items of the approvals; automatic income goes to a listed income category.
/// </summary>
internal static class LedgerSection
{
    private static readonly Dictionary<string, CostNature> Natures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["variable"] = CostNature.Variable,
        ["fixed"] = CostNature.Fixed,
    };

    public static LedgerDefinition? Read(LedgerDto? dto, ApprovalsDefinition approvals, OrganisationFileErrors errors)
    {
        if (dto is null) return null;
        var defaults = LedgerDefinition.Default;
        var income = dto.IncomeCategories is { } categories ? ReadCategories(categories, dto.Line, errors) : defaults.IncomeCategories;
        var fixedItems = dto.FixedCostItems is { } items ? ReadFixed(items, approvals, errors) : defaults.FixedCostItems;
        var invoiceIncome = defaults.InvoiceIncomeCategory;
        if (ValueReader.Text(dto.InvoiceIncome) is { } code)
        {
            if (income.Any(c => c.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
                invoiceIncome = income.First(c => c.Code.Equals(code, StringComparison.OrdinalIgnoreCase)).Code;
            else
                errors.Add(dto.InvoiceIncome!, $"ledger: invoice_income '{code}' is not one of the income_categories ({string.Join(", ", income.Select(c => c.Code))})");
        }
        else if (income.Count > 0 && income.All(c => c.Code != invoiceIncome))
        {
            invoiceIncome = income[0].Code;
        }
        return new LedgerDefinition(income, fixedItems, invoiceIncome);
    }

    private static IReadOnlyList<LedgerCategory> ReadCategories(List<LedgerCategoryDto> dtos, int sectionLine, OrganisationFileErrors errors)
    {
        if (dtos.Count == 0) errors.Add(sectionLine, "ledger: list at least one income category, or leave 'income_categories' out for the defaults");
        var result = new List<LedgerCategory>();
        var lineByCode = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var dto in dtos)
        {
            var name = ValueReader.Text(dto.Name);
            if (ValueReader.Text(dto.Code) is not { } code)
            {
                errors.Add(dto.Code?.Line ?? dto.Line, $"income category '{name}': 'code' is required");
                continue;
            }
            if (!ValueReader.IsCode(code))
            {
                errors.Add(dto.Code!, $"income category code '{code}' may contain only latin letters, digits, _ and -");
                continue;
            }
            if (!lineByCode.TryAdd(code, dto.Code!.Line))
            {
                errors.Add(dto.Code!, $"income category code '{code}' is already used on line {lineByCode[code]}");
                continue;
            }
            if (name is null) errors.Add(dto.Name?.Line ?? dto.Line, $"income category '{code}': 'name' is required");
            var nature = dto.Nature is { } n ? ValueReader.OneOf(n, "nature", Natures, errors) : CostNature.Variable;
            result.Add(new LedgerCategory(code, name ?? code, nature ?? CostNature.Variable, ValueReader.Text(dto.NameEn)));
        }
        return result;
    }

    private static IReadOnlyList<string> ReadFixed(List<LocatedScalar> values, ApprovalsDefinition approvals, OrganisationFileErrors errors)
    {
        var result = new List<string>();
        foreach (var value in values)
        {
            var code = ValueReader.Text(value);
            if (code is null)
            {
                errors.Add(value, "ledger: a fixed cost item must not be empty");
            }
            else if (approvals.CostItems.FirstOrDefault(c => c.Code.Equals(code, StringComparison.OrdinalIgnoreCase)) is not { } item)
            {
                errors.Add(value, $"ledger: fixed cost item '{code}' is not a cost item (approvals: cost_items has {string.Join(", ", approvals.CostItems.Select(c => c.Code))})");
            }
            else if (result.Contains(item.Code))
            {
                errors.Add(value, $"ledger: fixed cost item '{code}' is listed twice");
            }
            else
            {
                result.Add(item.Code);
            }
        }
        return result;
    }
}
