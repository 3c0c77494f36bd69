using BotPlatform.Core.Billing.Nudges;
using BotPlatform.Core.Projects;
using BotPlatform.Infrastructure.Organisation.Yaml;

namespace BotPlatform.Infrastructure.Organisation.Sections;

/// <summary>The <c>payment_nudges:</c> mapping: notice in working days, the client's text (ru, en), default periods by template.</summary>
internal sealed class PaymentNudgesDto : LocatedNode
{
    public LocatedScalar? WorkingDaysBefore { get; set; }
    public LocatedScalar? Text { get; set; }
    public LocatedScalar? TextEn { get; set; }
    public LocatedMap<LocatedScalar>? Periods { get; set; }
}

/// <summary>Checks the notice (1..20 working days), the texts (not empty) and each template's period (a known template, a period /project billing accepts).</summary>
internal static class PaymentNudgesSection
{
    public static PaymentNudgeDefinition? Read(PaymentNudgesDto? dto, ProjectsDefinition? projects, OrganisationFileErrors errors)
    {
        if (dto is null) return null;
        var defaults = PaymentNudgeDefinition.Default;
        var days = defaults.WorkingDaysBefore;
        if (dto.WorkingDaysBefore is { } d && ValueReader.PositiveInteger(d, "working_days_before", errors) is { } read)
        {
            if (read > PaymentNudgeDefinition.MaxWorkingDaysBefore)
                errors.Add(d, $"working_days_before {read} is more than {PaymentNudgeDefinition.MaxWorkingDaysBefore}");
            else days = read;
        }
        var text = ValueReader.Text(dto.Text);
        if (dto.Text is not null && text is null) errors.Add(dto.Text, "'text' is empty: write the reminder the client's group gets, or leave the key out for the default");
        var textEn = ValueReader.Text(dto.TextEn);
        if (dto.TextEn is not null && textEn is null) errors.Add(dto.TextEn, "'text_en' is empty: write the English reminder, or leave the key out for the default");
        var templates = new List<TemplateBilling>();
        foreach (var (key, value) in dto.Periods?.Entries ?? [])
        {
            if (projects?.Template(key.Text) is null)
            {
                errors.Add(key, $"unknown project template '{key.Text}' under payment_nudges: periods (templates are listed under projects: templates)");
                continue;
            }
            if (!BillingPeriodSpec.TryParse(ValueReader.Text(value), out var unit, out var every))
            {
                errors.Add(value ?? key, $"period '{value?.Text}' of template '{key.Text}' is not monthly, quarterly, 1m-12m or 2w-26w");
                continue;
            }
            templates.Add(new TemplateBilling(key.Text, unit, every));
        }
        return new PaymentNudgeDefinition(days, text ?? defaults.Text, textEn ?? defaults.TextEn, templates);
    }
}
