using System.Globalization;
using System.Text;
using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Projects;

/// <summary>The project's card: client, PM, group, tasks with status, executor, planned dates and hours, what is late.</summary>
public static class ProjectCard
{
    /// <summary>Telegram allows 4096 characters; a long project lists its first tasks and counts the rest.</summary>
    public const int MaxTaskLines = 40;

    public static string Render(ProjectView view, DateOnly today, Lang lang, IReadOnlyDictionary<long, decimal>? actualHours = null)
    {
        var p = view.Project;
        var text = new StringBuilder();
        text.AppendLine(ProjectTexts.CardTitle.In(lang, p.Number, p.Title));
        text.AppendLine(ProjectTexts.CardClient.In(lang, view.Client?.LegalName ?? "—"));
        if (view.Deal is { } deal) text.AppendLine(ProjectTexts.CardDeal.In(lang, DealLabel(deal, lang)));
        if (p.Retainer is { } retainer) text.AppendLine(Finance.Ledger.LedgerTexts.CardRetainer.In(lang, new Common.Money(retainer, view.Currency).Format(lang)));
        if (p.Billing is { } billing)
            text.AppendLine(ProjectTexts.CardBilling.In(lang, billing.Describe(lang), billing.Anchor.ToDateTime(TimeOnly.MinValue)));
        if (view.Upsells.Count > 0) text.AppendLine(Finance.Ledger.LedgerTexts.CardUpsells.In(lang, string.Join(", ", view.Upsells.Select(d => DealLabel(d, lang)))));
        text.AppendLine(ProjectTexts.CardPm.In(lang, Name(view, p.PmId)));
        text.AppendLine(p.GroupChatIds.Count == 0
            ? ProjectTexts.CardNoGroup.In(lang)
            : ProjectTexts.CardGroup.In(lang, string.Join(", ", p.GroupChatIds.Select(id => view.GroupTitles.GetValueOrDefault(id, "—")))));
        if (view.Tasks.Count > 0)
            text.AppendLine(ProjectTexts.CardPlan.In(lang, view.Tasks.Min(t => t.PlannedStart).ToDateTime(TimeOnly.MinValue),
                view.Tasks.Max(t => t.PlannedEnd).ToDateTime(TimeOnly.MinValue)));
        var actual = actualHours ?? new Dictionary<long, decimal>();
        text.AppendLine(ProjectTexts.CardHours.In(lang, Hours(view.Tasks.Sum(t => t.EstimateHours)), Hours(actual.Values.Sum())));
        var late = view.Tasks.Count(t => IsLate(t, today));
        if (late > 0) text.AppendLine(ProjectTexts.CardLateCount.In(lang, late));
        text.AppendLine();
        text.AppendLine(ProjectTexts.CardTasks.In(lang));
        foreach (var t in view.Tasks.Take(MaxTaskLines))
        {
            text.Append(ProjectTexts.CardTaskLine.In(lang, ProjectTexts.Icon(t.State), t.No, t.Title, Name(view, t.ExecutorId),
                t.PlannedStart.ToDateTime(TimeOnly.MinValue), t.PlannedEnd.ToDateTime(TimeOnly.MinValue),
                actual.TryGetValue(t.Id, out var spent) ? $"{Hours(spent)}/{Hours(t.EstimateHours)}" : Hours(t.EstimateHours)));
            if (IsLate(t, today)) text.Append(ProjectTexts.CardLate.In(lang));
            text.AppendLine();
        }
        if (view.Tasks.Count > MaxTaskLines) text.AppendLine(ProjectTexts.CardMore.In(lang, view.Tasks.Count - MaxTaskLines));
        return text.ToString().TrimEnd();
    }

    /// <summary>"СДЛ-2026-0012 · 90 000,00 ₽": the deal's number and total, as its button and the card show it.</summary>
    public static string DealLabel(Documents.Deal deal, Lang lang) =>
        $"{deal.Number} · {new Common.Money(Documents.Deals.DealTotals.Of(deal).Total, deal.Currency).Format(lang)}";

    public static bool IsLate(ProjectTask task, DateOnly today) => task.IsOpen && task.PlannedEnd < today;

    public static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.GetCultureInfo("ru-RU"));

    private static string Name(ProjectView view, long id) => view.Names.GetValueOrDefault(id, "—");
}
