using System.Globalization;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Documents.Deals;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Billing.Invoicing;

/// <summary>What an approved report was billed with.</summary>
public sealed record ReportInvoice(BillingReport Report, Deal Deal, Document Invoice, Document Act);

/// <summary>
/// An approved report becomes a deal (one line per work type and rate: hours × rate) and the deal's invoice and
/// acceptance act, generated through the Documents engine (templates «invoice» and «report_act», the act listing
/// the report's tasks as its appendix). Deal, documents, numbers and the report's move to Invoiced are one unit of
/// work: a failure stores nothing and takes no number. The documents hang off the client's signed framework
/// contract when there is one (or the paper one named in the client's card), as /generate does.
/// </summary>
public sealed class ReportInvoicing(
    IBillingReportStore reports,
    IDealStore deals,
    IClientStore clients,
    IDocumentStore documents,
    ITemplateLibrary templates,
    GenerateDocuments generator,
    DocumentRendering rendering,
    ISequenceStore sequences,
    IPeopleStore people,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    Organisation organisation,
    TimeProvider time)
{
    public const string ActTemplate = "report_act";

    private sealed class Aborted(Problem problem) : Exception(problem.ToString())
    {
        public Problem Problem { get; } = problem;
    }

    /// <param name="inside">Runs inside the unit of work once the report is invoiced (the recovery stores its notices there, so they go with the invoice or not at all).</param>
    public async Task<Result<ReportInvoice>> InvoiceAsync(long reportId, CancellationToken ct, Func<ReportInvoice, Task>? inside = null)
    {
        if (await reports.GetAsync(reportId, ct) is not { Status: ReportStatus.Approved } found) return Result<ReportInvoice>.Fail(BillingProblems.Stale);
        if (await clients.GetAsync(found.ClientId, ct) is not { } client) return Result<ReportInvoice>.Fail(DocumentProblems.ClientNotFound, found.Number);
        if (ClientRequisites.Check(client).FirstOrDefault(p => p.Code == ClientProblems.Incomplete) is { Args: [var missing, ..] })
            return Result<ReportInvoice>.Fail(DocumentProblems.IncompleteRequisites, client.LegalName, missing);
        try
        {
            return await unitOfWork.RunAsync(async () =>
            {
                if (await reports.GetAsync(reportId, ct) is not { Status: ReportStatus.Approved } report) return Result<ReportInvoice>.Fail(BillingProblems.Stale);
                var before = report.History.Count;
                var now = time.GetUtcNow();
                var deal = await DealAsync(report, now, ct);
                var contract = await ContractAsync(client, ct);
                var invoice = await DocumentAsync(DocumentsDefinition.Invoice, report, deal, client, contract, now, ct);
                var act = await DocumentAsync(ActTemplate, report, deal, client, contract, now, ct);
                var billing = new ReportBilling
                {
                    DealId = deal.Id, DealNumber = deal.Number, InvoiceId = invoice.Id, InvoiceNumber = invoice.Number, ActId = act.Id, ActNumber = act.Number, At = now,
                };
                if (!report.MarkInvoiced(billing, report.PmId, now) || !await reports.TryUpdateAsync(report, ct)) throw new Aborted(new Problem(BillingProblems.Stale));
                foreach (var e in report.History.Skip(before))
                    await audit.AppendAsync(new AuditEntry { Subject = report.Subject, Action = e.Action, ActorId = e.ActorId, At = e.At, Reason = e.Reason }, ct);
                var done = new ReportInvoice(report, deal, invoice, act);
                if (inside is not null) await inside(done);
                return Result<ReportInvoice>.Ok(done);
            }, ct);
        }
        catch (Aborted aborted)
        {
            return Result<ReportInvoice>.Fail(aborted.Problem);
        }
    }

    /// <summary>One line per work type and rate, in the order the report lists them; non-billable work is not on the deal.</summary>
    public static List<DealLine> Lines(BillingReport report, Lang lang = Lang.Ru)
    {
        var parts = report.Lines.Where(l => l.Billable && l.Rate is not null)
            .SelectMany(l => l.RateParts.Count > 1
                ? l.RateParts.Select(p => (l.WorkType, l.WorkTypeName, p.Hours, Rate: p.PerHour))
                : [(l.WorkType, l.WorkTypeName, l.Hours, Rate: l.Rate!.Value)]);
        return parts.GroupBy(p => (p.WorkType, p.Rate))
            .Select(g => new DealLine
            {
                ServiceCode = g.Key.WorkType, Description = InvoicingTexts.WorkLine.In(lang, g.First().WorkTypeName, report.Number),
                Quantity = g.Sum(p => p.Hours), Unit = InvoicingTexts.HoursUnit.In(lang), Price = g.Key.Rate,
            })
            .ToList();
    }

    private async Task<Deal> DealAsync(BillingReport report, DateTimeOffset now, CancellationToken ct)
    {
        var year = organisation.Calendar.LocalDate(now).Year;
        var seq = await sequences.NextAsync($"deal:{year}", ct);
        var deal = new Deal
        {
            Number = NumberFormat.Apply(organisation.Documents.DealNumbering, year, seq).ToUpperInvariant(), ClientId = report.ClientId,
            ManagerId = report.PmId, Currency = report.Currency, Vat = report.Vat, VatRate = report.VatRate, Lines = Lines(report), CreatedAt = now,
            Source = report.Number,
        };
        if (deal.Lines.Count == 0) throw new Aborted(new Problem(DocumentProblems.DealEmpty, report.Number));
        await deals.InsertAsync(deal, ct);
        return deal;
    }

    private async Task<(string Number, DateOnly? Date, long? Id)?> ContractAsync(Client client, CancellationToken ct)
    {
        var framework = (await documents.ByClientAsync(client.Id, ct))
            .Where(d => d.Kind == DocumentsDefinition.FrameworkContract && d.IsLive && d.Status >= DocumentStatus.Approved)
            .OrderBy(d => d.Id).FirstOrDefault();
        if (framework is not null) return (framework.Number, framework.Date, framework.Id);
        return string.IsNullOrWhiteSpace(client.FrameworkContractNumber) ? null : (client.FrameworkContractNumber.Trim(), client.FrameworkContractDate, null);
    }

    private async Task<Document> DocumentAsync(string templateCode, BillingReport report, Deal deal, Client client,
        (string Number, DateOnly? Date, long? Id)? contract, DateTimeOffset now, CancellationToken ct)
    {
        if (await templates.GetAsync(templateCode, ct) is not { } template) throw new Aborted(new Problem(DocumentProblems.TemplateMissing, templateCode));
        var catalogue = organisation.Documents;
        var kind = string.IsNullOrEmpty(template.Kind) ? template.Id : template.Kind;
        var settings = catalogue.Kinds.FirstOrDefault(k => k.Kind == kind)
            ?? new DocumentKindSettings(kind, template.Title, kind.ToUpperInvariant() + "-{yyyy}-{seq:0000}", 1, false);
        var today = organisation.Calendar.LocalDate(now);
        var doc = new Document
        {
            Kind = kind, Title = settings.Title, DealId = deal.Id, ClientId = client.Id, TemplateCode = template.Id, TemplateVersion = template.Current.Number,
            CreatedBy = report.PmId, ManagerId = report.PmId, CreatedAt = now, Date = today, ContractNumber = contract?.Number,
        };
        doc.Number = await generator.NextNumberAsync(settings, today.Year, contract?.Number ?? "", null, ct);
        doc.Code = await GenerateDocuments.NextCodeAsync(sequences, ct);
        var contractInfo = contract is { } c
            ? new ContractInfo(c.Number, c.Date is { } d ? TemplateFormats.Date(d) : "", c.Date is { } dl ? TemplateFormats.LongDate(dl) : "")
            : null;
        var manager = await people.GetAsync(report.PmId, ct);
        var model = generator.Model(doc, deal, client, manager, deal.Lines, contractInfo, []) with { Tasks = Tasks(report), Report = Info(report) };
        var filled = rendering.Fill(template.Current.Markup, model);
        if (!filled.IsOk) throw new Aborted(GenerateDocuments.TemplateFailed(template, filled.Problem!));
        doc.Text = doc.TemplateText = filled.Value!.Text;
        var pdf = await rendering.RenderAsync(doc, filled.Value.Body, ct);
        doc.PdfKey = pdf.Key;
        doc.Pages = pdf.Pages;
        doc.Record(DocumentActions.Generated, now, report.PmId, $"{template.Id} v{doc.TemplateVersion}; {report.Number}");
        await documents.InsertAsync(doc, ct);
        await GenerateDocuments.AuditAsync(audit, doc, 0, ct);
        return doc;
    }

    private static ReportInfo Info(BillingReport report) =>
        new(report.Number, $"{report.From:dd.MM.yyyy}–{report.To:dd.MM.yyyy}", Hours(report.Totals().Hours));

    private static List<ReportTaskModel> Tasks(BillingReport report) => report.Lines
        .Select((l, i) => new ReportTaskModel(i + 1, l.Reference, l.Title, l.WorkTypeName, Hours(l.Hours), l.Billable,
            l.Billable && l.Rate is { } rate ? TemplateFormats.Amount(rate) : "—", TemplateFormats.Amount(l.Sum)))
        .ToList();

    private static string Hours(decimal hours) => hours.ToString("0.##", CultureInfo.GetCultureInfo("ru-RU"));
}
