using System.Globalization;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Billing;

/// <summary>What the report covers: project numbers (one client's) or a client's tax id (all its projects), and the period.</summary>
public sealed record ReportRequest(string Target, string Period, ReportFilter? Filter = null);

/// <summary>
/// Builds hourly reports and changes drafts. A report takes every done task of the chosen projects with
/// hours dated in the period that no other live or paid report holds; the task's hours up to the period's
/// end are billed at once (a task sits in one report only, so hours before the period that were never
/// billed come with it). Each entry is priced by the rate in force on its own date.
/// </summary>
public sealed class ReportDesk(
    IBillingReportStore reports,
    IReportClaimStore claims,
    IProjectStore projects,
    IProjectTaskStore tasks,
    ITimeEntryStore entries,
    IClientStore clients,
    IDealStore deals,
    ISequenceStore sequences,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    Organisation organisation,
    TimeProvider time)
{
    public static readonly IReadOnlyList<Role> Makers = [Role.ProjectManager, Role.Director, Role.OpsManager, Role.Admin];

    private BillingDefinition Billing => organisation.Billing;

    public static bool MayMake(Person person) => person.IsActive && Makers.Any(person.Has);

    public async Task<Result<BillingReport>> BuildAsync(ReportRequest request, Person actor, CancellationToken ct)
    {
        if (!MayMake(actor)) return Result<BillingReport>.Fail(BillingProblems.NotAllowed);
        if (ReportPeriod.Parse(request.Period) is not var (from, to)) return Result<BillingReport>.Fail(BillingProblems.Period, request.Period);
        var target = await ResolveAsync(request.Target, ct);
        if (!target.IsOk) return Result<BillingReport>.Fail(target.Problem!);
        var (client, chosen) = target.Value;
        var filter = request.Filter ?? ReportFilter.Default;
        if (filter.Check(organisation.Projects) is { } badFilter) return Result<BillingReport>.Fail(badFilter);

        var draft = await DraftAsync(client, chosen, from, to, filter, actor, ct);
        var periodText = $"{from:dd.MM.yyyy}–{to:dd.MM.yyyy}";
        if (draft.Lines.Count == 0) return Result<BillingReport>.Fail(BillingProblems.NoWork, periodText);
        try
        {
            return await unitOfWork.RunAsync(async () =>
            {
                draft.Number = $"ОТЧ-{to.Year}-{await sequences.NextAsync($"report-{to.Year}", ct):0000}";
                await reports.InsertAsync(draft, ct);
                var held = (await claims.ClaimAsync(draft.Id, draft.Lines.Select(l => l.TaskId).ToList(), ct)).ToHashSet();
                // Another report took some tasks since they were read: they stay in that one.
                draft.Lines.RemoveAll(l => !held.Contains(l.TaskId));
                if (draft.Lines.Count == 0) throw new NothingClaimed();
                draft.Record(BillingActions.Built, draft.CreatedAt, actor.Id, $"{periodText}; {draft.Lines.Count} tasks");
                if (!await reports.TryUpdateAsync(draft, ct)) throw new InvalidOperationException($"Report {draft.Id} changed while it was built");
                await AuditAsync(draft, 0, ct);
                return Result<BillingReport>.Ok(draft);
            }, ct);
        }
        catch (NothingClaimed)
        {
            return Result<BillingReport>.Fail(BillingProblems.NoWork, periodText);
        }
    }

    public Task<Result<BillingReport>> DropAsync(long reportId, long taskId, Person actor, CancellationToken ct) =>
        ChangeAsync(reportId, actor, async report =>
        {
            if (report.Drop(taskId, actor.Id, time.GetUtcNow()) is null) return false;
            await claims.ReleaseAsync(report.Id, [taskId], ct);
            return true;
        }, ct);

    public Task<Result<BillingReport>> ToggleBillableAsync(long reportId, long taskId, Person actor, CancellationToken ct) =>
        ChangeAsync(reportId, actor, report => Task.FromResult(report.ToggleBillable(taskId, actor.Id, time.GetUtcNow()) is not null), ct);

    public Task<Result<BillingReport>> CancelAsync(long reportId, Person actor, CancellationToken ct) =>
        ChangeAsync(reportId, actor, async report =>
        {
            if (!report.Cancel(actor.Id, time.GetUtcNow())) return false;
            await claims.ReleaseAsync(report.Id, report.Lines.Select(l => l.TaskId).ToList(), ct);
            return true;
        }, ct);

    /// <summary>Remembers the PM's card so that later changes edit it.</summary>
    public Task<bool> KeepCardAsync(long reportId, string card, long chat, CancellationToken ct) =>
        unitOfWork.RunAsync(async () =>
        {
            if (await reports.GetAsync(reportId, ct) is not { } report) return false;
            report.Card = card;
            report.CardChat = chat;
            return await reports.TryUpdateAsync(report, ct);
        }, ct);

    /// <summary>Who may change a report: its PM, its author, a director, an ops manager, an admin.</summary>
    public static bool MayChange(BillingReport report, Person person) =>
        person.IsActive && (person.Id == report.PmId || person.Id == report.CreatedBy || person.Has(Role.Director) || person.Has(Role.OpsManager) || person.Has(Role.Admin));

    private async Task<Result<BillingReport>> ChangeAsync(long reportId, Person actor, Func<BillingReport, Task<bool>> change, CancellationToken ct) =>
        await unitOfWork.RunAsync(async () =>
        {
            if (await reports.GetAsync(reportId, ct) is not { } report) return Result<BillingReport>.Fail(BillingProblems.Stale);
            if (!MayChange(report, actor)) return Result<BillingReport>.Fail(BillingProblems.NotAllowed);
            var before = report.History.Count;
            if (!await change(report)) return Result<BillingReport>.Fail(BillingProblems.Stale);
            if (!await reports.TryUpdateAsync(report, ct)) return Result<BillingReport>.Fail(BillingProblems.Stale);
            await AuditAsync(report, before, ct);
            return Result<BillingReport>.Ok(report);
        }, ct);

    private async Task AuditAsync(BillingReport report, int from, CancellationToken ct)
    {
        foreach (var e in report.History.Skip(from))
            await audit.AppendAsync(new AuditEntry { Subject = report.Subject, Action = e.Action, ActorId = e.ActorId, At = e.At, Reason = e.Reason }, ct);
    }

    private async Task<Result<(Client Client, IReadOnlyList<Project> Projects)>> ResolveAsync(string target, CancellationToken ct)
    {
        var parts = target.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0) return Result<(Client, IReadOnlyList<Project>)>.Fail(BillingProblems.Target, target);
        if (parts is [var one] && one.All(char.IsAsciiDigit) && await clients.FindByTaxIdAsync(one, ct) is { } byTaxId)
        {
            var all = await projects.ByClientAsync(byTaxId.Id, ct);
            return all.Count == 0
                ? Result<(Client, IReadOnlyList<Project>)>.Fail(BillingProblems.Target, target)
                : Result<(Client, IReadOnlyList<Project>)>.Ok((byTaxId, all));
        }
        var found = new List<Project>();
        foreach (var part in parts)
        {
            if (await projects.FindByNumberAsync(part, ct) is not { } project) return Result<(Client, IReadOnlyList<Project>)>.Fail(BillingProblems.Target, part);
            if (found.All(p => p.Id != project.Id)) found.Add(project);
        }
        if (found.Select(p => p.ClientId).Distinct().Count() > 1)
            return Result<(Client, IReadOnlyList<Project>)>.Fail(BillingProblems.MixedClients, string.Join(", ", found.Select(p => p.Number)));
        if (await clients.GetAsync(found[0].ClientId, ct) is not { } client) return Result<(Client, IReadOnlyList<Project>)>.Fail(BillingProblems.Target, target);
        return Result<(Client, IReadOnlyList<Project>)>.Ok((client, found));
    }

    private async Task<BillingReport> DraftAsync(Client client, IReadOnlyList<Project> chosen, DateOnly from, DateOnly to, ReportFilter filter, Person actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var vat = await VatAsync(chosen, ct);
        var report = new BillingReport
        {
            ClientId = client.Id, ClientName = client.LegalName, ProjectIds = chosen.Select(p => p.Id).ToList(), From = from, To = to,
            Currency = organisation.Definition.Currency, Vat = vat.Mode, VatRate = vat.Rate, PmId = chosen.FirstOrDefault(p => p.PmId != 0)?.PmId ?? actor.Id,
            CreatedBy = actor.Id, CreatedAt = now,
        };
        if (!filter.IsDefault)
            (report.WorkTypes, report.WorkTypeNames, report.TaskStates) = ([.. filter.WorkTypes],
                [.. filter.WorkTypes.Select(w => organisation.Projects.WorkType(w)?.Name ?? w)], [.. filter.States]);
        var currencies = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var project in chosen)
        {
            var projectEntries = (await entries.ByProjectAsync(project.Id, ct)).Where(e => !e.IsRunning && e.Hours > 0 && e.Date <= to).ToLookup(e => e.TaskId);
            var done = (await tasks.ByProjectAsync(project.Id, ct))
                .Where(t => filter.Takes(t) && t.PaidAt is null && projectEntries[t.Id].Any(e => e.Date >= from)).ToList();
            var held = await claims.ClaimedAsync(done.Select(t => t.Id).ToList(), ct);
            foreach (var task in done.Where(t => !held.Contains(t.Id)))
            {
                var line = Line(client, project, task, projectEntries[task.Id].ToList());
                if (line.Rate is not null) currencies.Add(RateCurrency(client, project, task, projectEntries[task.Id]));
                report.Lines.Add(line);
            }
        }
        if (currencies.Count == 1) report.Currency = currencies.Single();
        return report;
    }

    private ReportLine Line(Client client, Project project, ProjectTask task, IReadOnlyList<TimeEntry> taskEntries)
    {
        var priced = taskEntries.Select(e => (e.Hours, Rate: Billing.RateFor(client.TaxId, project.Number, task.WorkType, e.Date))).ToList();
        var complete = priced.All(p => p.Rate is not null) && priced.Select(p => p.Rate!.Currency).Distinct(StringComparer.OrdinalIgnoreCase).Count() == 1;
        var value = complete ? priced.Sum(p => DealTotals.Kopecks(p.Hours * p.Rate!.PerHour)) : 0m;
        var hours = taskEntries.Sum(e => e.Hours);
        // A rate that changed within the task's time: the client sees which hours went at which rate, not one rate that does not multiply out.
        var parts = complete
            ? priced.OrderBy(p => p.Rate!.From).GroupBy(p => p.Rate!.PerHour).Select(g => new RatePart { Hours = g.Sum(p => p.Hours), PerHour = g.Key }).ToList()
            : [];
        return new ReportLine
        {
            TaskId = task.Id, ProjectId = project.Id, ProjectNumber = project.Number, TaskNo = task.No, Title = task.Title, WorkType = task.WorkType,
            WorkTypeName = organisation.Projects.WorkType(task.WorkType)?.Name ?? task.WorkType, Hours = hours, Billable = task.Billable,
            Rate = complete ? (parts.Count == 1 ? parts[0].PerHour : Math.Round(value / hours, 2, MidpointRounding.AwayFromZero)) : null,
            RateParts = complete && parts.Count > 1 ? parts : [], Value = value, Sum = task.Billable ? value : 0m,
        };
    }

    private string RateCurrency(Client client, Project project, ProjectTask task, IEnumerable<TimeEntry> taskEntries) =>
        taskEntries.Select(e => Billing.RateFor(client.TaxId, project.Number, task.WorkType, e.Date)?.Currency).First(c => c is not null)!;

    /// <summary>The deal's VAT rule (the first chosen project that has a deal), else VAT on top at the organisation's rate.</summary>
    private async Task<(VatMode Mode, decimal Rate)> VatAsync(IReadOnlyList<Project> chosen, CancellationToken ct)
    {
        foreach (var project in chosen)
            if (project.DealId is { } dealId && await deals.GetAsync(dealId, ct) is { } deal) return (deal.Vat, deal.VatRate);
        return (VatMode.OnTop, organisation.Documents.DefaultVatRate);
    }

    private sealed class NothingClaimed : Exception;
}

/// <summary>The PM's override of one task's billability before it is reported; the reason goes to the task's history and the audit.</summary>
public sealed class TaskBillability(
    TimeDesk timeDesk,
    IProjectTaskStore tasks,
    IReportClaimStore claims,
    IBillingReportStore reports,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    TimeProvider time)
{
    private static readonly Dictionary<string, bool> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["да"] = true, ["yes"] = true, ["on"] = true, ["нет"] = false, ["no"] = false, ["off"] = false,
    };

    public async Task<Result<(Project Project, ProjectTask Task)>> SetAsync(string reference, string word, string? reason, Person actor, CancellationToken ct)
    {
        if (!Words.TryGetValue(word, out var billable) || string.IsNullOrWhiteSpace(reason)) return new Problem(BillingProblems.BillableUsage);
        if (await timeDesk.FindTaskAsync(reference, ct) is not var (project, found)) return new Problem(BillingProblems.TaskNotFound, reference);
        if (actor.Id != project.PmId && !actor.Has(Role.Director) && !actor.Has(Role.Admin)) return new Problem(BillingProblems.NotPm);
        var now = time.GetUtcNow();
        return await unitOfWork.RunAsync<Result<(Project, ProjectTask)>>(async () =>
        {
            if (await claims.HolderAsync(found.Id, ct) is { } reportId)
                return new Problem(BillingProblems.InReport, (await reports.GetAsync(reportId, ct))?.Number ?? reportId.ToString(CultureInfo.InvariantCulture));
            if (await tasks.GetAsync(found.Id, ct) is not { } task) return new Problem(BillingProblems.TaskNotFound, reference);
            if (task.Billable == billable) return new Problem(billable ? BillingProblems.AlreadyBillable : BillingProblems.AlreadyNotBillable);
            task.Billable = billable;
            var entry = task.Record(BillingActions.TaskBillability, now, actor.Id, $"{(billable ? "billable" : "not billable")}: {reason.Trim()}");
            if (!await tasks.TryUpdateAsync(task, ct)) return new Problem(BillingProblems.Stale);
            await audit.AppendAsync(new AuditEntry { Subject = $"{project.Subject}#{task.No}", Action = entry.Action, ActorId = actor.Id, At = now, Reason = entry.Reason }, ct);
            return Result<(Project, ProjectTask)>.Ok((project, task));
        }, ct);
    }
}
