using System.Globalization;
using System.Text;
using BotPlatform.Core.Analytics.Digest;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Finance.Ledger;

public static class PnlProblems
{
    public const string NotAllowed = "pnl.not_allowed";
    public const string NotFound = "pnl.not_found";
    public const string BadPeriod = "pnl.bad_period";
}

/// <summary>
/// One project's money in a period. Sale price and upsells are what was sold (the retainer for each month of the
/// period the project ran, or the deal's total; further deals linked to the project); income and expenses are the
/// ledger's entries dated in the period; paid to date is all income up to the period's end, so the client owes
/// what was sold less what it has paid, never below zero.
/// </summary>
public sealed record PnlRow(string Number, string Title, string Client, decimal SalePrice, decimal Upsells, decimal Income, decimal Expenses,
    decimal PaidToDate)
{
    public decimal Profit => Income - Expenses;
    public decimal Owed => Math.Max(0, SalePrice + Upsells - PaidToDate);
}

/// <param name="From">Null: from the first entry.</param>
/// <param name="Unassigned">Income and expenses with no project (rent, salaries): counted in the totals, not in a project.</param>
public sealed record PnlReport(string Subject, DateOnly? From, DateOnly To, string Currency, IReadOnlyList<PnlRow> Rows, PnlRow? Unassigned,
    int OtherCurrencyEntries)
{
    public IEnumerable<PnlRow> AllRows => Unassigned is null ? Rows : Rows.Append(Unassigned);

    public PnlRow Total => new("", "", "", AllRows.Sum(r => r.SalePrice), AllRows.Sum(r => r.Upsells), AllRows.Sum(r => r.Income),
        AllRows.Sum(r => r.Expenses), AllRows.Sum(r => r.PaidToDate));

    public decimal TotalOwed => AllRows.Sum(r => r.Owed);

    /// <summary>The part of the expenses in fixed cost categories (the organisation file's ledger: fixed_cost_items) when they were entered.</summary>
    public decimal FixedExpenses { get; init; }
}

/// <summary>Writes a P&amp;L as an .xlsx whose totals, profit and debt are formulas over the numbers (an accountant can check them).</summary>
public interface IPnlWorkbook
{
    byte[] Write(PnlReport report, Lang lang);
}

/// <summary>/pnl: the money of one project, of a client's projects, or of every project with entries, for a period.</summary>
public sealed class ProfitAndLoss(
    ILedgerStore ledger,
    IProjectStore projects,
    IDealStore deals,
    IClientStore clients,
    IFileStore files,
    IPnlWorkbook workbook,
    IChartRenderer charts,
    Organisation organisation,
    TimeProvider time)
{
    public static readonly IReadOnlySet<Role> Readers = new HashSet<Role> { Role.Admin, Role.Director, Role.OpsManager, Role.FinanceManager };

    public sealed record View(string Text, string WorkbookKey, string WorkbookName, string ChartKey, PnlReport Report);

    /// <summary>Reads "[PRJ-0001 | client] [period]" and builds the report, the workbook and the chart.</summary>
    public async Task<Result<View>> ShowAsync(Person person, string argument, Lang lang, CancellationToken ct)
    {
        if (!person.IsActive || !person.Roles.Any(Readers.Contains)) return Result<View>.Fail(PnlProblems.NotAllowed);
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        var words = argument.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        (DateOnly? From, DateOnly To)? period = null;
        if (words.Count > 0 && PnlPeriod.TryParse(words[^1], out var parsed))
        {
            period = parsed;
            words.RemoveAt(words.Count - 1);
        }
        else if (words.Count > 0 && PnlPeriod.LooksLikePeriod(words[^1]))
        {
            return Result<View>.Fail(PnlProblems.BadPeriod, words[^1]);
        }
        var (from, to) = period ?? (null, today);
        var target = string.Join(' ', words);
        var built = await BuildAsync(target, from, to, ct);
        if (built.Value is not { } report) return Result<View>.Fail(built.Problem!);

        var name = LedgerTexts.WorkbookName.In(lang, report.To.ToDateTime(TimeOnly.MinValue));
        var key = await SaveAsync(name, workbook.Write(report, lang), ct);
        var chart = charts.Bars(LedgerTexts.ChartTitle.In(lang), report.Currency,
            [.. report.AllRows.Select(r => (r.Number.Length > 0 ? r.Number : LedgerTexts.Unassigned.In(lang), (double)r.Profit))]);
        var chartKey = await SaveAsync("pnl.png", chart, ct);
        return Result<View>.Ok(new View(Render(report, lang), key, name, chartKey, report));
    }

    /// <summary>The numbers alone (tests and the benchmark check them against a hand-made table).</summary>
    public async Task<Result<PnlReport>> BuildAsync(string target, DateOnly? from, DateOnly to, CancellationToken ct)
    {
        var currency = organisation.Definition.Currency;
        var upToEnd = await ledger.BetweenAsync(DateOnly.MinValue, to, ct);
        IReadOnlyList<Project> chosen;
        string subject;
        if (target.Length == 0)
        {
            var ids = upToEnd.Where(e => e.ProjectId is not null && (from is null || e.Date >= from)).Select(e => e.ProjectId!.Value).Distinct().ToList();
            chosen = ids.Count == 0 ? [] : await projects.ByIdsAsync(ids, ct);
            subject = "";
        }
        else if (await projects.FindByNumberAsync(target, ct) is { } project)
        {
            chosen = [project];
            subject = project.Number + " " + project.Title;
        }
        else if ((await clients.SearchAsync(target, 2, ct)) is [var client])
        {
            chosen = await projects.ByClientAsync(client.Id, ct);
            subject = client.LegalName;
        }
        else
        {
            return Result<PnlReport>.Fail(PnlProblems.NotFound, target);
        }

        var inCurrency = upToEnd.Where(e => string.Equals(e.Currency, currency, StringComparison.OrdinalIgnoreCase)).ToList();
        var byProject = inCurrency.Where(e => e.ProjectId is not null).ToLookup(e => e.ProjectId!.Value);
        var clientNames = new Dictionary<long, string>();
        var rows = new List<PnlRow>();
        foreach (var project in chosen.OrderBy(p => p.Number, StringComparer.Ordinal))
        {
            if (!clientNames.TryGetValue(project.ClientId, out var clientName))
                clientNames[project.ClientId] = clientName = (await clients.GetAsync(project.ClientId, ct))?.LegalName ?? "";
            var entries = byProject[project.Id].ToList();
            var inPeriod = entries.Where(e => from is null || e.Date >= from).ToList();
            rows.Add(new PnlRow(project.Number, project.Title, clientName, await SalePriceAsync(project, from, to, ct),
                await UpsellsAsync(project, ct),
                inPeriod.Where(e => e.Kind == LedgerKind.Income).Sum(e => e.Amount),
                inPeriod.Where(e => e.Kind == LedgerKind.Expense).Sum(e => e.Amount),
                entries.Where(e => e.Kind == LedgerKind.Income).Sum(e => e.Amount)));
        }
        PnlRow? unassigned = null;
        if (target.Length == 0)
        {
            var loose = inCurrency.Where(e => e.ProjectId is null && (from is null || e.Date >= from)).ToList();
            if (loose.Count > 0)
                unassigned = new PnlRow("", "", "", 0, 0, loose.Where(e => e.Kind == LedgerKind.Income).Sum(e => e.Amount),
                    loose.Where(e => e.Kind == LedgerKind.Expense).Sum(e => e.Amount), 0);
        }
        var chosenIds = chosen.Select(p => p.Id).ToHashSet();
        var others = upToEnd.Count(e => !string.Equals(e.Currency, currency, StringComparison.OrdinalIgnoreCase) && (from is null || e.Date >= from)
            && (target.Length == 0 || e.ProjectId is { } id && chosenIds.Contains(id)));
        var counted = inCurrency.Where(e => e.Kind == LedgerKind.Expense && e.Nature == CostNature.Fixed && (from is null || e.Date >= from)
            && (e.ProjectId is { } projectId ? chosenIds.Contains(projectId) : target.Length == 0));
        return Result<PnlReport>.Ok(new PnlReport(subject, from, to, currency, rows, unassigned, others) { FixedExpenses = counted.Sum(e => e.Amount) });
    }

    /// <summary>The retainer for each month of the period the project ran; without one, its deal's total.</summary>
    private async Task<decimal> SalePriceAsync(Project project, DateOnly? from, DateOnly to, CancellationToken ct)
    {
        if (project.Retainer is { } retainer)
        {
            var first = from is { } f && f > project.StartDate ? f : project.StartDate;
            if (first > to) return 0;
            var months = (to.Year - first.Year) * 12 + to.Month - first.Month + 1;
            return retainer * months;
        }
        return project.DealId is { } dealId && await deals.GetAsync(dealId, ct) is { } deal ? deal.Lines.Sum(l => l.Sum) : 0;
    }

    private async Task<decimal> UpsellsAsync(Project project, CancellationToken ct)
    {
        var sum = 0m;
        foreach (var id in project.UpsellDealIds)
            if (await deals.GetAsync(id, ct) is { } deal) sum += deal.Lines.Sum(l => l.Sum);
        return sum;
    }

    public static string Render(PnlReport report, Lang lang)
    {
        string Money(decimal amount) => new Money(amount, report.Currency).Format(lang);
        var text = new StringBuilder();
        var period = report.From is { } from
            ? LedgerTexts.PeriodRange.In(lang, from.ToDateTime(TimeOnly.MinValue), report.To.ToDateTime(TimeOnly.MinValue))
            : LedgerTexts.PeriodUpTo.In(lang, report.To.ToDateTime(TimeOnly.MinValue));
        text.AppendLine(LedgerTexts.PnlHeader.In(lang, report.Subject.Length > 0 ? report.Subject : LedgerTexts.AllProjects.In(lang), period));
        if (!report.AllRows.Any()) text.AppendLine().AppendLine(LedgerTexts.PnlEmpty.In(lang));
        foreach (var row in report.Rows)
        {
            text.AppendLine().AppendLine(LedgerTexts.ProjectLine.In(lang, row.Number, row.Title, row.Client));
            text.AppendLine(LedgerTexts.SoldLine.In(lang, Money(row.SalePrice), Money(row.Upsells)));
            text.AppendLine(LedgerTexts.MoneyLine.In(lang, Money(row.Income), Money(row.Expenses), Money(row.Profit)));
            text.AppendLine(LedgerTexts.OwedLine.In(lang, Money(row.Owed)));
        }
        if (report.Unassigned is { } loose)
            text.AppendLine().AppendLine(LedgerTexts.Unassigned.In(lang))
                .AppendLine(LedgerTexts.MoneyLine.In(lang, Money(loose.Income), Money(loose.Expenses), Money(loose.Profit)));
        var total = report.Total;
        text.AppendLine().AppendLine(LedgerTexts.TotalLine.In(lang, Money(total.SalePrice + total.Upsells), Money(total.Income),
            Money(total.Expenses), Money(total.Profit), Money(report.TotalOwed)));
        if (total.Expenses != 0)
            text.AppendLine(LedgerTexts.NatureLine.In(lang, Money(report.FixedExpenses), Money(total.Expenses - report.FixedExpenses)));
        if (report.OtherCurrencyEntries > 0) text.AppendLine(LedgerTexts.OtherCurrencies.In(lang, report.OtherCurrencyEntries, report.Currency));
        return text.ToString().TrimEnd();
    }

    private async Task<string> SaveAsync(string name, byte[] content, CancellationToken ct)
    {
        using var stream = new MemoryStream(content);
        return await files.SaveAsync(name, stream, ct);
    }
}

/// <summary>Periods as /pnl takes them: "2026-11", "11.2026", "2026", "01.11.2026-15.11.2026".</summary>
public static class PnlPeriod
{
    public static bool LooksLikePeriod(string word) => word.Length > 0 && char.IsDigit(word[0]);

    public static bool TryParse(string word, out (DateOnly? From, DateOnly To) period)
    {
        var inv = CultureInfo.InvariantCulture;
        period = default;
        if (DateOnly.TryParseExact(word + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var month)
            || DateOnly.TryParseExact("01." + word, "dd.MM.yyyy", inv, DateTimeStyles.None, out month))
        {
            period = (month, month.AddMonths(1).AddDays(-1));
            return true;
        }
        if (word.Length == 4 && int.TryParse(word, NumberStyles.None, inv, out var year) && year is > 2000 and < 2100)
        {
            period = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            return true;
        }
        var parts = word.Split('-');
        if (parts.Length == 2 && DateOnly.TryParseExact(parts[0], "dd.MM.yyyy", inv, DateTimeStyles.None, out var first)
            && DateOnly.TryParseExact(parts[1], "dd.MM.yyyy", inv, DateTimeStyles.None, out var last) && first <= last)
        {
            period = (first, last);
            return true;
        }
        return false;
    }
}
