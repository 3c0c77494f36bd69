using BotPlatform.Bot.Approvals;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Finance;

/// <summary>
/// /income and /expense: an entry of the ledger asked question by question, persisted like /pay (flow and callback
/// prefix "inc" / "exp"): counterparty, amount, category, date (skip: today), project (optional), comment (optional).
/// </summary>
public abstract class LedgerForm(LedgerBook book) : FilingForm
{
    public const string Amount = "amount";
    public const string Category = "category";
    public const string Date = "date";
    public const string Project = "project";

    protected abstract LedgerKind Kind { get; }
    public override Text Cancelled => LedgerTexts.Cancelled;
    protected abstract Text AskCounterparty { get; }

    public override IReadOnlyList<FilingQuestion> Questions => _questions ??=
    [
        FilingQuestions.CounterpartyQuestion(AskCounterparty),
        new(Amount, AnswerKind.Text, LedgerTexts.AskAmount, FilingTexts.FieldAmount,
            a => FilingQuestions.Keep(AmountInput.Parse(a.Text, book.DefaultCurrency), FilingQuestions.KeepMoney),
            (value, lang) => ApprovalTexts.AmountLine.In(lang, value is null ? "—" : FilingQuestions.ReadMoney(value).Format(lang)))
        {
            Placeholder = FilingTexts.AmountPlaceholder,
        },
        new(Category, AnswerKind.Choice, LedgerTexts.AskCategory, LedgerTexts.FieldCategory,
            a => book.Category(Kind, a.Choice) is { } c ? Result<string>.Ok(c.Code) : Result<string>.Fail(LedgerProblems.UnknownCategory),
            (value, lang) => LedgerTexts.CategoryLine.In(lang, value is null ? "—" : CategoryCaption(value, lang)))
        {
            Choices = lang => [.. book.Categories(Kind).Select(c => (c.Code, c.Caption(lang)))],
        },
        new(Date, AnswerKind.Text, LedgerTexts.AskDate, LedgerTexts.FieldDate,
            a => FilingQuestions.Keep(book.ReadDate(a.Text), FilingQuestions.KeepDate),
            (value, lang) => value is null
                ? LedgerTexts.TodayLine.In(lang)
                : LedgerTexts.DateLine.In(lang, FilingQuestions.ReadDate(value).ToDateTime(TimeOnly.MinValue)))
        {
            Optional = true,
        },
        new(Project, AnswerKind.Text, LedgerTexts.AskProject, LedgerTexts.FieldProject,
            _ => Result<string>.Fail(LedgerProblems.UnknownProject, ""),
            (value, lang) => value is null ? LedgerTexts.NoProjectLine.In(lang) : LedgerTexts.ProjectLineShort.In(lang, value.Split('|')[1]))
        {
            Optional = true,
            ReadAsync = async (a, ct) => FilingQuestions.Keep(await book.ReadProjectAsync(a.Text, ct),
                p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + p.Number + " «" + p.Title + "»"),
        },
        FilingQuestions.CommentQuestion(),
    ];

    private IReadOnlyList<FilingQuestion>? _questions;

    private string CategoryCaption(string code, Lang lang) => book.Category(Kind, code) is { } c
        ? $"{c.Caption(lang)} ({(c.Nature == CostNature.Fixed ? LedgerTexts.Fixed : LedgerTexts.Variable).In(lang)})"
        : code;

    public override RequestDraft Draft(IReadOnlyDictionary<string, string> answers, Person initiator, DateTimeOffset now) =>
        throw new NotSupportedException("A ledger entry is recorded, not filed for approval");

    public override Func<IReadOnlyDictionary<string, string>, Person, Lang, CancellationToken, Task<Result<string>>> Records =>
        async (answers, person, lang, ct) =>
        {
            var money = FilingQuestions.ReadMoney(answers[Amount]);
            var draft = new LedgerDraft(Kind, answers.TryGetValue(Date, out var date) ? FilingQuestions.ReadDate(date) : book.Today, money,
                answers[Category], answers.TryGetValue(Project, out var project) ? long.Parse(project.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture) : null,
                answers[FilingQuestions.Counterparty], answers.GetValueOrDefault(FilingQuestions.Comment));
            var recorded = await book.RecordAsync(draft, person, ct);
            if (recorded.Value is not { } entry) return Result<string>.Fail(recorded.Problem!);
            var text = Kind == LedgerKind.Income ? LedgerTexts.IncomeRecorded : LedgerTexts.ExpenseRecorded;
            return Result<string>.Ok(text.In(lang, money.Format(lang), entry.Counterparty, entry.Date.ToDateTime(TimeOnly.MinValue)));
        };
}

public sealed class IncomeForm(LedgerBook book) : LedgerForm(book)
{
    public const string Name = "inc";
    public override string Flow => Name;
    public override Text Intro => LedgerTexts.IncomeIntro;
    public override Text Check => LedgerTexts.CheckIncome;
    protected override LedgerKind Kind => LedgerKind.Income;
    protected override Text AskCounterparty => LedgerTexts.AskPayer;
}

public sealed class ExpenseForm(LedgerBook book) : LedgerForm(book)
{
    public const string Name = "exp";
    public override string Flow => Name;
    public override Text Intro => LedgerTexts.ExpenseIntro;
    public override Text Check => LedgerTexts.CheckExpense;
    protected override LedgerKind Kind => LedgerKind.Expense;
    protected override Text AskCounterparty => LedgerTexts.AskPayee;
}

/// <summary>/income and /expense start their dialog for the people who keep the books; others are told who does.</summary>
public sealed class IncomeCommand(IncomeForm form, FilingDialog dialog) : ICommandHandler
{
    public string Command => "income";

    public Task HandleAsync(UpdateContext context, CancellationToken ct) => LedgerDialogs.StartAsync(form, dialog, context, ct);
}

public sealed class ExpenseCommand(ExpenseForm form, FilingDialog dialog) : ICommandHandler
{
    public string Command => "expense";

    public Task HandleAsync(UpdateContext context, CancellationToken ct) => LedgerDialogs.StartAsync(form, dialog, context, ct);
}

public sealed class IncomeFlow(IncomeForm form, FilingDialog dialog) : IConversationFlow
{
    public string Flow => IncomeForm.Name;

    public Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct) => dialog.AnswerAsync(form, context, conversation, ct);
}

public sealed class ExpenseFlow(ExpenseForm form, FilingDialog dialog) : IConversationFlow
{
    public string Flow => ExpenseForm.Name;

    public Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct) => dialog.AnswerAsync(form, context, conversation, ct);
}

public sealed class IncomeCallback(IncomeForm form, FilingDialog dialog) : ICallbackHandler
{
    public string Prefix => IncomeForm.Name;

    public Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct) => dialog.PressAsync(form, context, data, ct);
}

public sealed class ExpenseCallback(ExpenseForm form, FilingDialog dialog) : ICallbackHandler
{
    public string Prefix => ExpenseForm.Name;

    public Task HandleAsync(UpdateContext context, string[] data, CancellationToken ct) => dialog.PressAsync(form, context, data, ct);
}

internal static class LedgerDialogs
{
    public static Task StartAsync(LedgerForm form, FilingDialog dialog, UpdateContext context, CancellationToken ct)
    {
        if (context.IsPrivateChat && context.Person is { } person && !LedgerBook.MayKeep(person))
        {
            context.Reply(LedgerTexts.NotAllowed);
            return Task.CompletedTask;
        }
        return dialog.StartAsync(form, context, ct);
    }
}
