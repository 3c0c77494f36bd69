using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;

namespace BotPlatform.Core.Finance.Ledger;

public static class SalesProblems
{
    public const string NotAllowed = "sales.not_allowed";
    public const string OtherCurrency = "sales.other_currency";
    public const string UnknownDeal = "sales.unknown_deal";
    public const string OtherClientsDeal = "sales.other_clients_deal";
    public const string OwnDeal = "sales.own_deal";
    public const string DealOfOtherProject = "sales.deal_of_other_project";
    public const string NotLinked = "sales.not_linked";
    public const string Conflict = "sales.conflict";
}

public enum SaleChangeKind
{
    RetainerSet,
    RetainerCleared,
    /// <summary>The retainer already was that (or there was none to clear): nothing changed.</summary>
    RetainerUnchanged,
    UpsellLinked,
    /// <summary>The deal already was an upsell of the project: nothing changed.</summary>
    UpsellAlreadyLinked,
    UpsellUnlinked,
}

public sealed record SaleChange(SaleChangeKind Kind, Project Project, Money? Retainer = null, Deal? Deal = null);

/// <summary>
/// What a project was sold for: its monthly retainer and the further deals of the same client linked to it as upsells
/// (what /pnl counts as sale price and upsells). Changed by the project's PM, the director, the ops manager or an admin;
/// every change is audited, a repeated one changes nothing.
/// </summary>
public sealed class ProjectSales(IProjectStore projects, IDealStore deals, IClientStore clients, IAuditLog audit, IUnitOfWork unitOfWork,
    Organisation organisation, TimeProvider time)
{
    public const string Off = "off";
    private static readonly Role[] Overseers = [Role.Director, Role.OpsManager, Role.Admin];

    public static bool MayChange(Person person, Project project) =>
        person.IsActive && (Overseers.Any(person.Has) || person.Has(Role.ProjectManager) && project.PmId == person.Id);

    public static bool IsOff(string text) => text.Trim() is var t && (t.Equals(Off, StringComparison.OrdinalIgnoreCase)
        || t.Equals("нет", StringComparison.OrdinalIgnoreCase) || t.Equals("выкл", StringComparison.OrdinalIgnoreCase));

    /// <summary>"150 000" (the organisation's currency, as /pay reads amounts) sets the monthly retainer; "off" clears it.</summary>
    public async Task<Result<SaleChange>> SetRetainerAsync(Person person, Project project, string text, CancellationToken ct)
    {
        if (!MayChange(person, project)) return Result<SaleChange>.Fail(SalesProblems.NotAllowed);
        decimal? monthly = null;
        if (!IsOff(text))
        {
            var currency = organisation.Definition.Currency;
            var read = AmountInput.Parse(text, currency);
            if (!read.IsOk) return Result<SaleChange>.Fail(read.Problem!);
            var money = read.Value;
            if (!string.Equals(money.Currency, currency, StringComparison.OrdinalIgnoreCase))
                return Result<SaleChange>.Fail(SalesProblems.OtherCurrency, money.Currency, currency);
            monthly = money.Amount;
        }
        return await ChangeAsync(project.Id, person, p =>
        {
            if (!p.SetRetainer(monthly, person.Id, time.GetUtcNow()))
                return Result<SaleChange>.Ok(new SaleChange(SaleChangeKind.RetainerUnchanged, p, Retainer(p)));
            return Result<SaleChange>.Ok(new SaleChange(monthly is null ? SaleChangeKind.RetainerCleared : SaleChangeKind.RetainerSet, p, Retainer(p)));
        }, change => (change.Kind == SaleChangeKind.RetainerSet ? "retainer_set" : "retainer_cleared",
            change.Retainer?.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture)), ct);
    }

    /// <summary>Links a deal of the same client as an upsell, or with <paramref name="unlink"/> takes it off.</summary>
    public async Task<Result<SaleChange>> UpsellAsync(Person person, Project project, string dealNumber, bool unlink, CancellationToken ct)
    {
        if (!MayChange(person, project)) return Result<SaleChange>.Fail(SalesProblems.NotAllowed);
        var typed = dealNumber.Trim();
        if (typed.Length == 0 || await deals.FindByNumberAsync(typed, ct) is not { } deal) return Result<SaleChange>.Fail(SalesProblems.UnknownDeal, typed);
        if (unlink)
        {
            return await ChangeAsync(project.Id, person, p => p.UnlinkUpsell(deal.Id, deal.Number, person.Id, time.GetUtcNow())
                    ? Result<SaleChange>.Ok(new SaleChange(SaleChangeKind.UpsellUnlinked, p, Deal: deal))
                    : Result<SaleChange>.Fail(SalesProblems.NotLinked, deal.Number, p.Number),
                _ => ("upsell_unlinked", deal.Number), ct);
        }
        if (deal.ClientId != project.ClientId)
        {
            var client = await clients.GetAsync(project.ClientId, ct);
            return Result<SaleChange>.Fail(SalesProblems.OtherClientsDeal, deal.Number, client?.LegalName ?? "—");
        }
        if (deal.Id == project.DealId) return Result<SaleChange>.Fail(SalesProblems.OwnDeal, deal.Number, project.Number);
        var elsewhere = (await projects.ByClientAsync(project.ClientId, ct))
            .FirstOrDefault(p => p.Id != project.Id && (p.DealId == deal.Id || p.UpsellDealIds.Contains(deal.Id)));
        if (elsewhere is not null) return Result<SaleChange>.Fail(SalesProblems.DealOfOtherProject, deal.Number, elsewhere.Number);
        return await ChangeAsync(project.Id, person, p => p.LinkUpsell(deal.Id, deal.Number, person.Id, time.GetUtcNow())
                ? Result<SaleChange>.Ok(new SaleChange(SaleChangeKind.UpsellLinked, p, Deal: deal))
                : Result<SaleChange>.Ok(new SaleChange(SaleChangeKind.UpsellAlreadyLinked, p, Deal: deal)),
            _ => ("upsell_linked", deal.Number), ct);
    }

    /// <summary>The client's deals linked to the project as upsells, in the order they were linked.</summary>
    public async Task<IReadOnlyList<Deal>> UpsellsOfAsync(Project project, CancellationToken ct)
    {
        var list = new List<Deal>();
        foreach (var id in project.UpsellDealIds)
            if (await deals.GetAsync(id, ct) is { } deal) list.Add(deal);
        return list;
    }

    private Money? Retainer(Project project) => project.Retainer is { } amount ? new Money(amount, organisation.Definition.Currency) : null;

    /// <summary>Reads the project fresh, applies the change and saves it with its audit entry in one unit of work; retried on a version clash.</summary>
    private async Task<Result<SaleChange>> ChangeAsync(long projectId, Person person, Func<Project, Result<SaleChange>> change,
        Func<SaleChange, (string Action, string? Reason)> audited, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var outcome = await unitOfWork.RunAsync<(bool Done, Result<SaleChange> Result)>(async () =>
            {
                if (await projects.GetAsync(projectId, ct) is not { } project) return (true, Result<SaleChange>.Fail(ProjectProblems.NotFound, projectId));
                var result = change(project);
                if (result.Value is not { } value || value.Kind is SaleChangeKind.RetainerUnchanged or SaleChangeKind.UpsellAlreadyLinked) return (true, result);
                if (!await projects.TryUpdateAsync(project, ct)) return (false, result);
                var (action, reason) = audited(value);
                await audit.AppendAsync(new AuditEntry { Subject = project.Subject, Action = action, ActorId = person.Id, At = time.GetUtcNow(), Reason = reason }, ct);
                return (true, result);
            }, ct);
            if (outcome.Done) return outcome.Result;
        }
        return Result<SaleChange>.Fail(SalesProblems.Conflict);
    }
}
