using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Finance.Ledger;

/// <param name="NameEn">The English name; null: the Russian one is shown in English too.</param>
public sealed record LedgerCategory(string Code, string Name, CostNature Nature = CostNature.Variable, string? NameEn = null)
{
    public string Caption(Lang lang) => lang == Lang.En && NameEn is { } en ? en : Name;
}

/// <summary>
/// The ledger's part of the organisation (the file's <c>ledger:</c> section): income categories, which cost items (the
/// approvals' list) are fixed costs, and the category automatic income goes to. Expense categories are the cost items
/// themselves. A key left out of the file (or the whole section) keeps the value of <see cref="Default"/>.
/// </summary>
public sealed record LedgerDefinition(
    IReadOnlyList<LedgerCategory> IncomeCategories,
    IReadOnlyList<string> FixedCostItems,
    string InvoiceIncomeCategory)
{
    public static LedgerDefinition Default { get; } = new(
        [
            new("services", "Услуги", NameEn: "Services"), new("ad_budget", "Рекламный бюджет", NameEn: "Ad budget"),
            new("other_income", "Прочие поступления", NameEn: "Other income"),
        ],
        ["software", "office", "office_rent", "rent"], "services");

    public bool IsFixedCost(string? costItem) => costItem is not null && FixedCostItems.Contains(costItem, StringComparer.OrdinalIgnoreCase);
}
