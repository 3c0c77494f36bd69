using BotPlatform.Core.Documents.Templates;
using System.Text;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Documents.Registry;

/// <summary>The /doc card and the /docs list lines.</summary>
public sealed class DocumentCards(Organisation organisation, ApprovalCards approvalCards)
{
    public string Card(DocumentView view, PeopleDirectory people, Lang lang)
    {
        var d = view.Document;
        var text = new StringBuilder();
        text.AppendLine($"📄 {d.Title} {d.Number}");
        text.AppendLine(DocumentTexts.CardKind.In(lang, KindTitle(d.Kind)));
        text.AppendLine(DocumentTexts.CardStatus.In(lang, DocumentTexts.StatusName(d.Status).In(lang)));
        if (view.Client is { } client) text.AppendLine(DocumentTexts.CardClient.In(lang, client.LegalName));
        if (view.Deal is { } deal) text.AppendLine(DocumentTexts.CardDeal.In(lang, deal.Number));
        if (d.ContractNumber is { Length: > 0 } contract && d.AppendixNo is not null)
            text.AppendLine(DocumentTexts.CardContract.In(lang, view.Parent is { } parent
                ? $"{parent.Number} ({DocumentTexts.StatusName(parent.Status).In(lang)})"
                : contract));
        text.AppendLine(DocumentTexts.CardTemplate.In(lang, d.TemplateCode, d.TemplateVersion, d.TextEdited ? DocumentTexts.CardEdited.In(lang) : ""));
        text.AppendLine(DocumentTexts.CardCode.In(lang, d.Code, d.Pages));
        if (view.Approval is { } r)
            text.AppendLine(DocumentTexts.CardApproval.In(lang, r.Number, approvalCards.Status(r, people, lang)));
        else if (d.ApprovalSkipped)
            text.AppendLine(DocumentTexts.CardApprovalSkipped.In(lang));
        else if (d.Status == DocumentStatus.Draft)
            text.AppendLine(DocumentTexts.CardApprovalNeeded.In(lang, Route(d).In(lang)));
        if (d.AnnulReason is { } reason) text.AppendLine(DocumentTexts.CardAnnulled.In(lang, reason));
        if (view.Replaces is { } old) text.AppendLine(DocumentTexts.CardReplaces.In(lang, old.Number));
        if (view.ReplacedBy is { } next) text.AppendLine(DocumentTexts.CardReplacedBy.In(lang, next.Number));
        foreach (var job in view.PrintJobs)
            text.AppendLine(DocumentTexts.CardPrint.In(lang,
                $"{DocumentTexts.JobStateName(job.State).In(lang)}, {DocumentTexts.PrintSettings(job.Copies, job.Duplex, lang)}"));
        if (view.Appendices.Count > 0)
        {
            text.AppendLine(DocumentTexts.CardAppendices.In(lang));
            foreach (var a in view.Appendices)
                text.AppendLine($"  • {a.Number} {a.Title} — {DocumentTexts.StatusName(a.Status).In(lang)}");
        }
        text.AppendLine(DocumentTexts.CardHistory.In(lang));
        // The latest entries: a card stays within one Telegram message.
        foreach (var e in d.History.TakeLast(12))
        {
            var local = organisation.Calendar.ToLocal(e.At);
            var who = e.ActorId is { } actor ? people.Name(actor) : ApprovalTexts.TheBot.In(lang);
            var why = e.Reason is { Length: > 0 } r2 ? $": {r2}" : "";
            text.AppendLine($"  {local:dd.MM HH:mm} — {DocumentTexts.ActionName(e.Action).In(lang)} ({who}){why}");
        }
        return text.ToString().TrimEnd();
    }

    public string Line(Document d, Lang lang) =>
        $"• {d.Number} — {d.Title}, {TemplateFormats.Date(d.Date)}, {DocumentTexts.StatusName(d.Status).In(lang)}";

    public static Text Route(Document d) => DocumentRelease.ApprovalKind(d) switch
    {
        null => DocumentTexts.RouteSkip,
        DocumentsDefinition.Specification or DocumentsDefinition.SupplementaryAgreement => DocumentTexts.RouteSpec,
        _ => DocumentTexts.RouteEdited,
    };

    public string KindTitle(string kind) => organisation.Documents.Kinds.FirstOrDefault(k => k.Kind == kind)?.Title ?? kind;
}
