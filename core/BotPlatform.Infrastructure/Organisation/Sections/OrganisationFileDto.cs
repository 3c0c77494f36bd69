using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>
/// The whole file: one property per top-level section. A new section (templates, ...) is a property
/// here, its DTO and reader in its own file in this folder, and a call in <see cref="OrganisationYamlLoader"/>.
/// </summary>
internal sealed class OrganisationFileDto : LocatedNode
{
    public OrganisationSectionDto? Organisation { get; set; }
    public List<DepartmentDto>? Departments { get; set; }
    public List<PersonDto>? People { get; set; }
    public ApprovalsDto? Approvals { get; set; }
    public LocatedMap<List<StepDto>>? Routes { get; set; }
    public DocumentsDto? Documents { get; set; }
    public ProjectsDto? Projects { get; set; }
    public List<BriefTemplateDto>? Briefs { get; set; }
    public BillingDto? Billing { get; set; }
    public LedgerDto? Ledger { get; set; }
    public PaymentNudgesDto? PaymentNudges { get; set; }
}
