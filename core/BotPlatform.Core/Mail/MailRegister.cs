using BotPlatform.Core.Common;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Mail;

/// <summary>A register request as /mail reads it: the dates and, optionally, one direction.</summary>
public sealed record MailQuery(DateOnly From, DateOnly To, MailDirection? Direction);

public sealed record MailRegisterView(MailQuery Query, IReadOnlyList<MailEntry> Entries);

/// <summary>The outgoing and incoming mail registers for a day or a period (the office manager, admins and the ops manager).</summary>
public sealed class MailRegister(IMailRegisterStore register, Organisation organisation, TimeProvider time)
{
    /// <summary>"", "23.11.2026", "01.11.2026-30.11.2026", "week", "month", each optionally followed by out or in.</summary>
    public Result<MailQuery> Parse(string args)
    {
        var today = organisation.Calendar.LocalDate(time.GetUtcNow());
        MailDirection? direction = null;
        var period = new List<string>();
        foreach (var word in args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (word.ToLowerInvariant())
            {
                case "out" or "исх" or "исходящие" or "отправка":
                    direction = MailDirection.Out;
                    break;
                case "in" or "вх" or "входящие" or "возврат":
                    direction = MailDirection.In;
                    break;
                default:
                    period.Add(word);
                    break;
            }
        }
        var text = string.Join("", period);
        switch (text.ToLowerInvariant())
        {
            case "" or "today" or "сегодня":
                return Result<MailQuery>.Ok(new MailQuery(today, today, direction));
            case "week" or "неделя":
                return Result<MailQuery>.Ok(new MailQuery(today.AddDays(-(((int)today.DayOfWeek + 6) % 7)), today, direction));
            case "month" or "месяц":
                return Result<MailQuery>.Ok(new MailQuery(new DateOnly(today.Year, today.Month, 1), today, direction));
        }
        var dash = text.IndexOf('-');
        if (dash > 0 && Day(text[..dash], today, out var from) && Day(text[(dash + 1)..], today, out var to) && from <= to)
            return Result<MailQuery>.Ok(new MailQuery(from, to, direction));
        if (dash < 0 && Day(text, today, out var day)) return Result<MailQuery>.Ok(new MailQuery(day, day, direction));
        return Result<MailQuery>.Fail(MailProblems.BadPeriod, text);
    }

    /// <summary>A register looks back: "25.11" without a year is the last 25 November, not the next one.</summary>
    private static bool Day(string text, DateOnly today, out DateOnly date)
    {
        if (DateOnly.TryParseExact(text, ["d.M.yyyy", "d.M.yy"], System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out date)) return true;
        if (!DateInput.TryParse(text, today, out date)) return false;
        if (date > today && !text.Contains("завтра") && !text.Contains("tomorrow")) date = date.AddYears(-1);
        return true;
    }

    public async Task<Result<MailRegisterView>> ListAsync(string args, Person actor, CancellationToken ct)
    {
        if (!MailScanning.MayScan(actor)) return Result<MailRegisterView>.Fail(MailProblems.NotAllowed);
        var query = Parse(args);
        if (!query.IsOk) return Result<MailRegisterView>.Fail(query.Problem!);
        var q = query.Value!;
        return Result<MailRegisterView>.Ok(new MailRegisterView(q, await register.ListAsync(q.From, q.To, q.Direction, ct)));
    }
}
