using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

/// <summary>
/// Counterparty, amount, cost item, due date (optional), invoice, comment (optional), and in an organisation that
/// runs projects, the project the payment is for (optional: its expense then counts in the project's P&amp;L).
/// </summary>
public sealed class PayForm(Organisation organisation, ApprovalCards cards, TimeProvider time, BotPlatform.Core.Finance.Ledger.LedgerBook ledger) : FilingForm
{
    public const string Name = "pay";
    public const string Amount = "amount";
    public const string CostItem = "cost";
    public const string DueDate = "due";
    public const string Project = "project";

    public override string Flow => Name;
    public override Text Intro => FilingTexts.PayIntro;
    public override Text Check => FilingTexts.CheckPayment;

    public override IReadOnlyList<FilingQuestion> Questions { get; } =
    [
        FilingQuestions.CounterpartyQuestion(FilingTexts.AskPayee),
        new(Amount, AnswerKind.Text, FilingTexts.AskAmount, FilingTexts.FieldAmount,
            a => FilingQuestions.Keep(Filing.Amount(a.Text, organisation), FilingQuestions.KeepMoney),
            (value, lang) => ApprovalTexts.AmountLine.In(lang, value is null ? "—" : FilingQuestions.ReadMoney(value).Format(lang)))
        {
            Placeholder = FilingTexts.AmountPlaceholder,
        },
        new(CostItem, AnswerKind.Choice, FilingTexts.AskCostItem, FilingTexts.FieldCostItem,
            a => FilingQuestions.Keep(Filing.CostItem(a.Choice, organisation), item => item.Code),
            (value, lang) => ApprovalTexts.CostItemLine.In(lang, value is null ? "—" : cards.CostItemName(value)))
        {
            Choices = _ => [.. organisation.Approvals.CostItems.Select(item => (item.Code, item.Name))],
        },
        new(DueDate, AnswerKind.Text, FilingTexts.AskDueDate, FilingTexts.FieldDueDate,
            a => FilingQuestions.Keep(Filing.DueDate(a.Text, organisation, time), FilingQuestions.KeepDate),
            (value, lang) => value is null
                ? FilingTexts.NoDueDateLine.In(lang)
                : ApprovalTexts.DueLine.In(lang, FilingQuestions.ReadDate(value).ToDateTime(TimeOnly.MinValue)))
        {
            Optional = true,
        },
        FilingQuestions.FileQuestion(RequestKind.Payment, FilingTexts.AskInvoice, FilingTexts.FieldInvoice, FilingTexts.InvoiceLine),
        FilingQuestions.CommentQuestion(),
        .. organisation.Projects.Templates.Count == 0 ? Array.Empty<FilingQuestion>() : [ProjectQuestion(ledger)],
    ];

    private static FilingQuestion ProjectQuestion(BotPlatform.Core.Finance.Ledger.LedgerBook ledger) =>
        new(Project, AnswerKind.Text, BotPlatform.Core.Finance.Ledger.LedgerTexts.AskProject, BotPlatform.Core.Finance.Ledger.LedgerTexts.FieldProject,
            _ => Result<string>.Fail(BotPlatform.Core.Finance.Ledger.LedgerProblems.UnknownProject, ""),
            (value, lang) => value is null
                ? BotPlatform.Core.Finance.Ledger.LedgerTexts.NoProjectLine.In(lang)
                : BotPlatform.Core.Finance.Ledger.LedgerTexts.ProjectLineShort.In(lang, value.Split('|')[1]))
        {
            Optional = true,
            ReadAsync = async (a, ct) => FilingQuestions.Keep(await ledger.ReadProjectAsync(a.Text, ct),
                p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + p.Number + " «" + p.Title + "»"),
        };

    public override RequestDraft Draft(IReadOnlyDictionary<string, string> answers, Person initiator, DateTimeOffset now)
    {
        var money = FilingQuestions.ReadMoney(answers[Amount]);
        return new RequestDraft(RequestKind.Payment, answers[FilingQuestions.Counterparty], money.Amount, money.Currency, answers[CostItem],
            answers.TryGetValue(DueDate, out var due) ? FilingQuestions.ReadDate(due) : null, answers.GetValueOrDefault(FilingQuestions.Comment),
            DocumentKind: null, [FilingQuestions.ReadFile(answers[FilingQuestions.File], initiator, now)],
            ProjectId: answers.TryGetValue(Project, out var project) ? long.Parse(project.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture) : null);
    }
}
