namespace BotPlatform.Core.Billing.Nudges;

/// <summary>A template's projects start with this billing period (anchored on the 1st of the month they are made in).</summary>
public sealed record TemplateBilling(string Template, BillingUnit Unit, int Every);

/// <summary>
/// The <c>payment_nudges:</c> section of the organisation file: how many working days before a period ends the
/// client's group is reminded to pay, the reminder's text (the agency's words, Russian and English) and the
/// templates whose projects get a billing period by default.
/// </summary>
public sealed record PaymentNudgeDefinition(int WorkingDaysBefore, string Text, string TextEn, IReadOnlyList<TemplateBilling> Templates)
{
    public const int MaxWorkingDaysBefore = 20;

    public static PaymentNudgeDefinition Default { get; } = new(5,
        "Через 5 рабочих дней период подходит к концу. Чтобы не останавливать процесс, оплатите, пожалуйста, заранее услуги продвижения и рекламный бюджет.",
        "The current period ends in 5 working days. To keep the work going, please pay for the promotion services and the advertising budget in advance.",
        []);

    public string TextIn(Localization.Lang lang) => lang == Localization.Lang.En ? TextEn : Text;

    public TemplateBilling? ForTemplate(string code) =>
        Templates.FirstOrDefault(t => t.Template.Equals(code, StringComparison.OrdinalIgnoreCase));
}
