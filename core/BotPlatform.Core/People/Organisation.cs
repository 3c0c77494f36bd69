using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Calendar;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.People;

/// <summary>The organisation as loaded from its file: calendar, departments, defaults.</summary>
public sealed class Organisation
{
    public Organisation(OrganisationDefinition definition)
    {
        Definition = definition;
        Calendar = new WorkingCalendar(definition.ToWorkingTimeSettings());
        DefaultLanguage = Langs.TryParse(definition.DefaultLanguage, out var lang) ? lang : Langs.Default;
        _departments = definition.Departments.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
    }

    public OrganisationDefinition Definition { get; }
    public string Name => Definition.Name;
    public WorkingCalendar Calendar { get; }
    public Lang DefaultLanguage { get; }
    private volatile IReadOnlyDictionary<string, DepartmentDefinition> _departments;

    /// <summary>
    /// The departments as stored (the file's at first; admins add and rename them in the bot). Replaced
    /// as a whole by <see cref="UseDepartments"/> after every stored change, so readers never see half of one.
    /// </summary>
    public IReadOnlyDictionary<string, DepartmentDefinition> Departments => _departments;

    /// <summary>The stored departments in the file's order, those added in the bot after them.</summary>
    public void UseDepartments(IEnumerable<Department> departments)
    {
        var order = Definition.Departments.Select((d, i) => (d.Code, i)).ToDictionary(x => x.Code, x => x.i, StringComparer.OrdinalIgnoreCase);
        _departments = departments
            .OrderBy(d => order.GetValueOrDefault(d.Id, int.MaxValue)).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => d.ToDefinition() with { Code = Definition.Departments.FirstOrDefault(f => string.Equals(f.Code, d.Id, StringComparison.OrdinalIgnoreCase))?.Code ?? d.Id })
            .ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
    }
    /// <summary>Routes, cost items, reasons, payment days and numbering; the seed process when the file has none.</summary>
    public ApprovalsDefinition Approvals => Definition.Approvals ?? ApprovalsDefinition.Default;
    public DocumentsDefinition Documents => Definition.Documents ?? DocumentsDefinition.Default;
    /// <summary>Project templates and work types; none when the file has no <c>projects:</c> section.</summary>
    public Projects.ProjectsDefinition Projects => Definition.Projects ?? BotPlatform.Core.Projects.ProjectsDefinition.Empty;
    /// <summary>Brief templates (questions, the client fields they fill); none when the file has no <c>briefs:</c> section.</summary>
    public Briefs.BriefsDefinition Briefs => Definition.Briefs ?? BotPlatform.Core.Briefs.BriefsDefinition.Empty;

    /// <summary>Hourly rates and the brand of report pages; none when the file has no <c>billing:</c> section.</summary>
    public Billing.BillingDefinition Billing => Definition.Billing ?? BotPlatform.Core.Billing.BillingDefinition.Empty;

    /// <summary>Income categories, fixed cost items and the payment nudge; the defaults when the file has no <c>ledger:</c> section.</summary>
    public Finance.Ledger.LedgerDefinition Ledger => Definition.Ledger ?? BotPlatform.Core.Finance.Ledger.LedgerDefinition.Default;

    /// <summary>When and what the client's group is told before a billing period ends; the defaults when the file has no <c>payment_nudges:</c> section.</summary>
    public Billing.Nudges.PaymentNudgeDefinition PaymentNudges => Definition.PaymentNudges ?? BotPlatform.Core.Billing.Nudges.PaymentNudgeDefinition.Default;

    public string DepartmentName(string? code) =>
        code is not null && Departments.TryGetValue(code, out var d) ? d.Name : code ?? "—";
}
