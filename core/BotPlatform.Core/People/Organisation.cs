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
        Departments = definition.Departments.ToDictionary(d => d.Code, StringComparer.OrdinalIgnoreCase);
    }

    public OrganisationDefinition Definition { get; }
    public string Name => Definition.Name;
    public WorkingCalendar Calendar { get; }
    public Lang DefaultLanguage { get; }
    public IReadOnlyDictionary<string, DepartmentDefinition> Departments { get; }
    /// <summary>Routes, cost items, reasons, payment days and numbering; the seed process when the file has none.</summary>
    public ApprovalsDefinition Approvals => Definition.Approvals ?? ApprovalsDefinition.Default;
    public DocumentsDefinition Documents => Definition.Documents ?? DocumentsDefinition.Default;
    /// <summary>Project templates and work types; none when the file has no <c>projects:</c> section.</summary>
    public Projects.ProjectsDefinition Projects => Definition.Projects ?? BotPlatform.Core.Projects.ProjectsDefinition.Empty;

    public string DepartmentName(string? code) =>
        code is not null && Departments.TryGetValue(code, out var d) ? d.Name : code ?? "—";
}
