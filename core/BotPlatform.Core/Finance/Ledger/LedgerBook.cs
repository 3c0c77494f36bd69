using BotPlatform.Core.Approvals;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Finance.Ledger;

/// <summary>What a person typed into /income or /expense, already read.</summary>
public sealed record LedgerDraft(LedgerKind Kind, DateOnly Date, Money Money, string Category, long? ProjectId, string Counterparty, string? Comment);

public static class LedgerProblems
{
    public const string NotAllowed = "ledger.not_allowed";
    public const string UnknownCategory = "ledger.unknown_category";
    public const string UnknownProject = "ledger.unknown_project";
    public const string BadDate = "ledger.bad_date";

    public static IReadOnlyDictionary<string, Localization.Text> Texts { get; } = new Dictionary<string, Localization.Text>
    {
        [NotAllowed] = LedgerTexts.NotAllowed,
        [UnknownCategory] = LedgerTexts.UnknownCategory,
        [UnknownProject] = LedgerTexts.UnknownProject,
        [BadDate] = LedgerTexts.BadDate,
        [PnlProblems.NotAllowed] = LedgerTexts.PnlNotAllowed,
        [PnlProblems.NotFound] = LedgerTexts.PnlNotFound,
        [PnlProblems.BadPeriod] = LedgerTexts.PnlBadPeriod,
        [SalesProblems.NotAllowed] = LedgerTexts.SalesNotAllowed,
        [SalesProblems.OtherCurrency] = LedgerTexts.SalesOtherCurrency,
        [SalesProblems.UnknownDeal] = LedgerTexts.SalesUnknownDeal,
        [SalesProblems.OtherClientsDeal] = LedgerTexts.SalesOtherClientsDeal,
        [SalesProblems.OwnDeal] = LedgerTexts.SalesOwnDeal,
        [SalesProblems.DealOfOtherProject] = LedgerTexts.SalesDealOfOtherProject,
        [SalesProblems.NotLinked] = LedgerTexts.SalesNotLinked,
        [SalesProblems.Conflict] = LedgerTexts.SalesConflict,
    };
}

/// <summary>The ledger's use cases: entries typed by finance people, and the categories they choose from.</summary>
public sealed class LedgerBook(ILedgerStore store, IProjectStore projects, IUnitOfWork unitOfWork, Organisation organisation, TimeProvider time)
{
    public static readonly IReadOnlySet<Role> Keepers =
        new HashSet<Role> { Role.Admin, Role.Director, Role.OpsManager, Role.FinanceManager, Role.ChiefAccountant, Role.Accountant };

    public static bool MayKeep(Person person) => person.IsActive && person.Roles.Any(Keepers.Contains);

    /// <summary>Income categories, or the cost items for expenses, each with its nature (fixed or variable).</summary>
    public IReadOnlyList<LedgerCategory> Categories(LedgerKind kind) => kind == LedgerKind.Income
        ? organisation.Ledger.IncomeCategories
        : [.. organisation.Approvals.CostItems.Select(c => new LedgerCategory(c.Code, c.Name,
            organisation.Ledger.IsFixedCost(c.Code) ? CostNature.Fixed : CostNature.Variable))];

    public LedgerCategory? Category(LedgerKind kind, string? code) => Categories(kind).FirstOrDefault(c => c.Code == code);

    public string CategoryName(LedgerKind kind, string code, Localization.Lang lang = Localization.Lang.Ru) => Category(kind, code)?.Caption(lang) ?? code;

    /// <summary>"30.11" is this year's 30 November (entries are mostly recorded after the fact); other forms as everywhere.</summary>
    public Result<DateOnly> ReadDate(string? text)
    {
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        var typed = text?.Trim() ?? "";
        if (DateOnly.TryParseExact(typed + "." + today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), "d.M.yyyy",
                System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
            || DateInput.TryParse(typed, today, out date))
            return Result<DateOnly>.Ok(date);
        return Result<DateOnly>.Fail(LedgerProblems.BadDate, typed);
    }

    public string DefaultCurrency => organisation.Definition.Currency;

    public DateOnly Today => organisation.Calendar.LocalDate(time.GetUtcNow());

    public async Task<Result<Project>> ReadProjectAsync(string? text, CancellationToken ct)
    {
        var typed = text?.Trim() ?? "";
        return typed.Length > 0 && await projects.FindByNumberAsync(typed, ct) is { } project
            ? Result<Project>.Ok(project)
            : Result<Project>.Fail(LedgerProblems.UnknownProject, typed);
    }

    public async Task<Result<LedgerEntry>> RecordAsync(LedgerDraft draft, Person person, CancellationToken ct)
    {
        if (!MayKeep(person)) return Result<LedgerEntry>.Fail(LedgerProblems.NotAllowed);
        if (Category(draft.Kind, draft.Category) is not { } category) return Result<LedgerEntry>.Fail(LedgerProblems.UnknownCategory);
        Project? project = null;
        if (draft.ProjectId is { } projectId && (project = await projects.GetAsync(projectId, ct)) is null)
            return Result<LedgerEntry>.Fail(LedgerProblems.UnknownProject);
        var entry = new LedgerEntry
        {
            Kind = draft.Kind, Date = draft.Date, Amount = draft.Money.Amount, Currency = draft.Money.Currency, Category = category.Code,
            Nature = category.Nature, ProjectId = project?.Id, ClientId = project?.ClientId, Counterparty = draft.Counterparty,
            Comment = draft.Comment, EnteredBy = person.Id, EnteredAt = time.GetUtcNow(),
        };
        await unitOfWork.RunAsync(async () =>
        {
            await store.InsertAsync(entry, ct);
            return true;
        }, ct);
        return Result<LedgerEntry>.Ok(entry);
    }

    /// <summary>Writes an automatic entry once per source: a replayed step finds it written and adds nothing.</summary>
    internal async Task<bool> RecordOnceAsync(LedgerEntry entry, CancellationToken ct)
    {
        if (entry.Source is { } source && (await store.BySourceAsync(source, ct)).Any(e => e.Kind == entry.Kind)) return false;
        await store.InsertAsync(entry, ct);
        return true;
    }

    /// <summary>An automatic entry the caller's unit of work makes happen once (e.g. one of several partial payments).</summary>
    internal Task RecordAsync(LedgerEntry entry, CancellationToken ct) => store.InsertAsync(entry, ct);

    internal LedgerCategory CostItemCategory(string? code) =>
        Category(LedgerKind.Expense, code) ?? new LedgerCategory(code ?? "other", code ?? "other");
}

/// <summary>A payment request that reaches Paid becomes an expense: its cost item, and its project if it named one.</summary>
public sealed class PaidRequestExpenses(LedgerBook book, IProjectStore projects, Organisation organisation) : IApprovalOutcomeObserver
{
    public async Task OnClosedAsync(ApprovalRequest request, Outgoing outgoing, CancellationToken ct)
    {
        if (request is not { Kind: RequestKind.Payment, Status: RequestStatus.Paid, Amount: { } amount, ClosedAt: { } paidAt }) return;
        var category = book.CostItemCategory(request.CostItem);
        var project = request.ProjectId is { } projectId ? await projects.GetAsync(projectId, ct) : null;
        await book.RecordOnceAsync(new LedgerEntry
        {
            Kind = LedgerKind.Expense, Date = organisation.Calendar.LocalDate(paidAt), Amount = amount,
            Currency = request.Currency ?? organisation.Definition.Currency, Category = category.Code, Nature = category.Nature,
            ProjectId = project?.Id, ClientId = project?.ClientId, Counterparty = request.Counterparty, Comment = request.Comment,
            EnteredBy = request.InitiatorId, EnteredAt = paidAt, Source = "request:" + request.Number,
        }, ct);
    }
}

/// <summary>Every payment recorded against an invoice is income from the client, in the payment's own unit of work.</summary>
public sealed class InvoiceIncome(LedgerBook book, IClientStore clients, Organisation organisation, TimeProvider time) : IInvoicePaymentHandler
{
    public async Task OnPaidAsync(InvoicePayment payment, CancellationToken ct)
    {
        var client = payment.ClientId is { } clientId ? await clients.GetAsync(clientId, ct) : null;
        var category = organisation.Ledger.IncomeCategories.FirstOrDefault(c => c.Code == organisation.Ledger.InvoiceIncomeCategory)
            ?? new LedgerCategory(organisation.Ledger.InvoiceIncomeCategory, organisation.Ledger.InvoiceIncomeCategory);
        await book.RecordAsync(new LedgerEntry
        {
            Kind = LedgerKind.Income, Date = payment.PaidOn, Amount = payment.Amount, Currency = payment.Currency, Category = category.Code,
            Nature = category.Nature, ProjectId = payment.ProjectId, ClientId = payment.ClientId,
            Counterparty = client?.LegalName ?? "", Comment = payment.InvoiceNumber, EnteredBy = payment.RecordedBy,
            EnteredAt = time.GetUtcNow(), Source = "invoice:" + payment.InvoiceNumber,
        }, ct);
    }
}
