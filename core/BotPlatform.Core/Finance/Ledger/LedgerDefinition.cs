namespace BotPlatform.Core.Finance.Ledger;

public sealed record LedgerCategory(string Code, string Name, CostNature Nature = CostNature.Variable);

/// <summary>
/// The <c>ledger:</c> section of the organisation file: income categories, which cost items are fixed costs,
/// the category automatic income goes to, and the payment nudge (billing period, text, lead in working days).
/// </summary>
public sealed record LedgerDefinition(
    IReadOnlyList<LedgerCategory> IncomeCategories,
    IReadOnlyList<string> FixedCostItems,
    string InvoiceIncomeCategory,
    string? NudgeText = null,
    int NudgeWorkingDays = 5,
    int BillingPeriodMonths = 1)
{
    public const string DefaultNudgeText =
        "Через 5 рабочих дней период подходит к концу. Чтобы не останавливать процесс, оплатите, пожалуйста, заранее услуги продвижения и рекламный бюджет.";

    public static LedgerDefinition Default { get; } = new(
        [new("services", "Услуги"), new("ad_budget", "Рекламный бюджет"), new("other_income", "Прочие поступления")],
        ["software", "office"], "services");

    public string Nudge => string.IsNullOrWhiteSpace(NudgeText) ? DefaultNudgeText : NudgeText;
}
