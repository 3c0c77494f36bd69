using BotPlatform.Core.Calendar;

namespace BotPlatform.Core.Projects;

/// <summary>
/// Planned dates on the working calendar. A task starts on the project's first working day, or on the
/// working day after the last of the tasks it waits for ends; it takes its number of working days
/// (weekends and holidays are skipped, extra working days count).
/// </summary>
public static class ProjectPlanner
{
    public static IReadOnlyDictionary<string, (DateOnly Start, DateOnly End)> Plan(ProjectTemplate template, DateOnly start, WorkingCalendar calendar)
    {
        var byCode = template.Tasks.ToDictionary(t => t.Code, StringComparer.OrdinalIgnoreCase);
        var plan = new Dictionary<string, (DateOnly Start, DateOnly End)>(StringComparer.OrdinalIgnoreCase);
        var first = FirstWorkingDay(start, calendar);
        (DateOnly Start, DateOnly End) Of(TaskTemplate task)
        {
            if (plan.TryGetValue(task.Code, out var known)) return known;
            var begin = task.After.Count == 0 ? first : FirstWorkingDay(task.After.Select(a => Of(byCode[a]).End).Max().AddDays(1), calendar);
            var end = begin;
            for (var left = task.Days - 1; left > 0; left--) end = FirstWorkingDay(end.AddDays(1), calendar);
            return plan[task.Code] = (begin, end);
        }
        // The waits were checked for cycles when the file was read, so the recursion ends.
        foreach (var task in template.Tasks) Of(task);
        return plan;
    }

    /// <summary>The date itself when it is a working day, otherwise the next working day.</summary>
    public static DateOnly FirstWorkingDay(DateOnly date, WorkingCalendar calendar)
    {
        while (!calendar.IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }
}
