using BotPlatform.Bot.Routing;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Mail;

namespace BotPlatform.Bot.Mail;

public static class MailViews
{
    /// <summary>One line per scanned code, then the labels queued and the deals whose paper is complete.</summary>
    public static string Report(ScanReport report, Lang lang)
    {
        var lines = new List<string>();
        foreach (var o in report.Outcomes)
        {
            if (o.Problem is { } problem) lines.Add(MailTexts.RefusedLine.In(lang, o.Code, ProblemTexts.Render(problem, lang).TrimEnd('.')));
            else if (o.Repeated) lines.Add(MailTexts.RepeatedLine.In(lang, o.Code));
            else
                lines.Add((report.Direction == MailDirection.Out ? MailTexts.SentLine : MailTexts.ReturnedLine).In(lang, o.Document!.Title, o.Document.Number,
                    o.Entry!.ClientName.Length > 0 ? o.Entry.ClientName : o.Code));
        }
        lines.AddRange(report.Labels.Select(l => MailTexts.LabelLine.In(lang, l.Label!.Recipient, string.Join(", ", l.Label.DocumentCodes))));
        lines.AddRange(report.CompletedDeals.Select(d => MailTexts.CompleteLine.In(lang, d.Number)));
        return string.Join("\n", lines);
    }

    public static string Register(MailRegisterView view, Lang lang)
    {
        var q = view.Query;
        var period = q.From == q.To ? q.From.ToString("dd.MM.yyyy") : $"{q.From:dd.MM.yyyy}–{q.To:dd.MM.yyyy}";
        var direction = q.Direction switch
        {
            MailDirection.Out => MailTexts.OutName.In(lang),
            MailDirection.In => MailTexts.InName.In(lang),
            _ => "",
        };
        if (view.Entries.Count == 0) return MailTexts.MailEmpty.In(lang, period, direction);
        var lines = view.Entries.Take(50).Select(e => MailTexts.MailLine.In(lang, e.Date.ToDateTime(TimeOnly.MinValue),
            (e.Direction == MailDirection.Out ? MailTexts.OutArrow : MailTexts.InArrow).In(lang), e.DocumentNumber, e.DocumentTitle, e.ClientName,
            e.DealNumber is { } deal ? ", " + deal : ""));
        var more = view.Entries.Count > 50 ? "\n…" : "";
        return MailTexts.MailTitle.In(lang, period, direction, view.Entries.Count) + "\n" + string.Join("\n", lines) + more;
    }
}
