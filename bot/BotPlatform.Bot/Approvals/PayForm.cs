using BotPlatform.Core.Approvals;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

/// <summary>Counterparty, amount, cost item, due date (optional), invoice, comment (optional).</summary>
public sealed class PayForm(Organisation organisation, ApprovalCards cards, TimeProvider time) : FilingForm
{
    public const string Name = "pay";
    public const string Amount = "amount";
    public const string CostItem = "cost";
    public const string DueDate = "due";

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
            Choices = () => [.. organisation.Approvals.CostItems.Select(item => (item.Code, item.Name))],
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
    ];

    public override RequestDraft Draft(IReadOnlyDictionary<string, string> answers, Person initiator, DateTimeOffset now)
    {
        var money = FilingQuestions.ReadMoney(answers[Amount]);
        return new RequestDraft(RequestKind.Payment, answers[FilingQuestions.Counterparty], money.Amount, money.Currency, answers[CostItem],
            answers.TryGetValue(DueDate, out var due) ? FilingQuestions.ReadDate(due) : null, answers.GetValueOrDefault(FilingQuestions.Comment),
            DocumentKind: null, [FilingQuestions.ReadFile(answers[FilingQuestions.File], initiator, now)]);
    }
}
