using BotPlatform.Core.Approvals;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Approvals;

/// <summary>Document kind, counterparty, the contract file (PDF or DOCX), comment (optional). No amount.</summary>
public sealed class ContractForm(Organisation organisation, ApprovalCards cards) : FilingForm
{
    public const string Name = "contract";
    public const string DocumentKind = "kind";

    public override string Flow => Name;
    public override Text Intro => FilingTexts.ContractIntro;
    public override Text Check => FilingTexts.CheckContract;

    public override IReadOnlyList<FilingQuestion> Questions { get; } =
    [
        new(DocumentKind, AnswerKind.Choice, FilingTexts.AskDocumentKind, FilingTexts.FieldDocumentKind,
            a => FilingQuestions.Keep(Filing.DocumentKind(a.Choice, organisation), kind => kind.Code),
            (value, lang) => ApprovalTexts.DocumentKindLine.In(lang, value is null ? "—" : cards.DocumentKindName(value)))
        {
            Choices = _ => [.. organisation.Approvals.DocumentKinds.Select(kind => (kind.Code, kind.Name))],
        },
        FilingQuestions.CounterpartyQuestion(FilingTexts.AskContractParty),
        FilingQuestions.FileQuestion(RequestKind.Contract, FilingTexts.AskContractFile, FilingTexts.FieldContractFile,
            FilingTexts.ContractFileLine),
        FilingQuestions.CommentQuestion(),
    ];

    public override RequestDraft Draft(IReadOnlyDictionary<string, string> answers, Person initiator, DateTimeOffset now) =>
        new(RequestKind.Contract, answers[FilingQuestions.Counterparty], Amount: null, Currency: null, CostItem: null, DueDate: null,
            answers.GetValueOrDefault(FilingQuestions.Comment), answers[DocumentKind],
            [FilingQuestions.ReadFile(answers[FilingQuestions.File], initiator, now)]);
}
