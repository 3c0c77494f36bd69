namespace BotPlatform.Core.Finance.Ledger;

public sealed record LedgerCategory(string Code, string Name, CostNature Nature = CostNature.Variable);

/// <summary>
/// The ledger's part of the organisation: income categories, which cost items (the approvals' list) are fixed
/// costs, and the category automatic income goes to. Expense categories are the cost items themselves.
/// The organisation file has no <c>ledger:</c> section yet (issue 11): every organisation uses <see cref="Default"/>.
/// </summary>
public sealed record LedgerDefinition(
    IReadOnlyList<LedgerCategory> IncomeCategories,
    IReadOnlyList<string> FixedCostItems,
    string InvoiceIncomeCategory)
{
    public static LedgerDefinition Default { get; } = new(
        [new("services", "Услуги"), new("ad_budget", "Рекламный бюджет"), new("other_income", "Прочие поступления")],
        ["software", "office"], "services");
}
