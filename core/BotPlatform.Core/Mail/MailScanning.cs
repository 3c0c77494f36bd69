using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;
using BotPlatform.Core.Printing.Labels;
using Microsoft.Extensions.Logging;

namespace BotPlatform.Core.Mail;

/// <summary>Who scanned: a person in the bot, or a printing agent's scan station.</summary>
public sealed record ScanActor(Person? Person, string? Agent)
{
    public long ActorId => Person?.Id ?? 0;
    public string Source => Agent is { } name ? "agent:" + name : "bot";
}

/// <summary>What one scanned code did: the document it moved (and its register entry), or why it was refused.</summary>
public sealed record ScanOutcome(string Code, Document? Document, Problem? Problem, MailEntry? Entry = null, bool Repeated = false);

public sealed record ScanReport(MailDirection Direction, IReadOnlyList<ScanOutcome> Outcomes, IReadOnlyList<PrintJob> Labels,
    IReadOnlyList<Deal> CompletedDeals);

/// <summary>
/// A barcode scan registers mail. Outgoing: the document becomes Sent, the outgoing register gets a line and the
/// client's envelope gets an address label job (the documents of one client scanned together share one label, also
/// when they are scanned one by one before the label is printed). Incoming: the document becomes Returned, the
/// incoming register gets a line, the manager is told; when every document of the deal is back, the manager and the
/// office manager hear that the deal's paper is complete. A code that moves nothing is refused with the reason.
/// </summary>
public sealed class MailScanning(
    IDocumentStore documents,
    IClientStore clients,
    IDealStore deals,
    IMailRegisterStore register,
    IPrintJobStore jobs,
    PrintQueue printQueue,
    IPeopleStore people,
    IOutboxStore outbox,
    IAuditLog audit,
    IUnitOfWork unitOfWork,
    Organisation organisation,
    ILabelPdfRenderer labelPdf,
    IFileStore files,
    UnreturnedOriginals unreturned,
    TimeProvider time,
    ILogger<MailScanning> logger)
{
    /// <summary>The PDF label (for label printers behind CUPS) is the large size; CUPS scales it to the printer's labels.</summary>
    public static readonly LabelSize PdfLabelSize = LabelSize.Large;

    public static bool MayScan(Person person) => person.Has(Role.OfficeManager) || person.Has(Role.Admin) || person.Has(Role.OpsManager);

    /// <summary>Codes as typed or read: barcode contents (BP000123) or document numbers, separated by spaces, commas or lines.</summary>
    public static IReadOnlyList<string> ParseCodes(string text) => text
        .Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(c => c.ToUpperInvariant())
        .Distinct()
        .ToList();

    public Task<Result<ScanReport>> ScanAsync(IReadOnlyList<string> codes, MailDirection direction, ScanActor actor, string? scanId, Outgoing outgoing,
        CancellationToken ct)
    {
        if (actor.Person is { } person && !MayScan(person)) return Task.FromResult(Result<ScanReport>.Fail(MailProblems.NotAllowed));
        if (codes.Count == 0) return Task.FromResult(Result<ScanReport>.Fail(MailProblems.NoCodes));
        return unitOfWork.RunAsync(async () =>
        {
            var now = time.GetUtcNow();
            var outcomes = new List<ScanOutcome>();
            foreach (var code in codes)
            {
                if (scanId is not null && await register.FindByScanIdAsync(scanId, ct) is { } earlier)
                {
                    outcomes.Add(new ScanOutcome(code, await documents.GetAsync(earlier.DocumentId, ct), null, earlier, Repeated: true));
                    continue;
                }
                var doc = await documents.FindByCodeAsync(code, ct) ?? await documents.FindByNumberAsync(code, ct);
                if (doc is null)
                {
                    logger.LogWarning("Unknown code {Code} scanned ({Direction}) by {Source}", code, direction, actor.Source);
                    outcomes.Add(new ScanOutcome(code, null, new Problem(MailProblems.UnknownCode, code)));
                    continue;
                }
                var before = doc.History.Count;
                var problem = direction == MailDirection.Out ? doc.MarkSent(actor.ActorId, now) : doc.MarkReturned(actor.ActorId, now);
                if (problem is not null)
                {
                    outcomes.Add(new ScanOutcome(code, doc, problem));
                    continue;
                }
                doc.History[^1].Reason = actor.Agent is null ? null : actor.Source;
                if (direction == MailDirection.Out) unreturned.Schedule(doc, now);
                if (!await documents.TryUpdateAsync(doc, ct)) throw new InvalidOperationException($"{doc.Number} changed inside a unit of work");
                await GenerateDocuments.AuditAsync(audit, doc, before, ct);
                var client = doc.ClientId is { } clientId ? await clients.GetAsync(clientId, ct) : null;
                var deal = doc.DealId is { } dealId ? await deals.GetAsync(dealId, ct) : null;
                var entry = new MailEntry
                {
                    Direction = direction, At = now, Date = organisation.Calendar.LocalDate(now), DocumentId = doc.Id, DocumentNumber = doc.Number,
                    DocumentCode = doc.Code, DocumentTitle = doc.Title, ClientId = client?.Id, ClientName = client?.LegalName ?? "", DealId = deal?.Id,
                    DealNumber = deal?.Number, ScannedBy = actor.Person?.Id, Source = actor.Source, ScanId = scanId,
                };
                outcomes.Add(new ScanOutcome(code, doc, null, entry));
            }

            var labels = direction == MailDirection.Out ? await LabelsAsync(outcomes, ct) : [];
            foreach (var entry in outcomes.Where(o => o is { Entry: not null, Repeated: false }).Select(o => o.Entry!))
                await register.InsertAsync(entry, ct);
            var completed = direction == MailDirection.In ? await TellReturnedAsync(outcomes, outgoing, ct) : [];
            await outbox.EnqueueAsync(outgoing.Messages, ct);
            return Result<ScanReport>.Ok(new ScanReport(direction, outcomes, labels, completed));
        }, ct);
    }

    /// <summary>One label per client: added to the client's label that is still waiting in the queue, or a new one.</summary>
    private async Task<IReadOnlyList<PrintJob>> LabelsAsync(List<ScanOutcome> outcomes, CancellationToken ct)
    {
        var labels = new List<PrintJob>();
        var waiting = (await jobs.ByStateAsync(PrintJobState.Queued, 10_000, ct)).Where(j => j is { Printer: PrintJob.LabelsPrinter, Label: not null }).ToList();
        foreach (var group in outcomes.Where(o => o is { Entry.ClientId: not null, Repeated: false }).GroupBy(o => o.Entry!.ClientId!.Value))
        {
            if (await clients.GetAsync(group.Key, ct) is not { } client) continue;
            var codes = group.Select(o => o.Document!.Code).ToList();
            var job = waiting.FirstOrDefault(j => j.Label!.ClientId == client.Id);
            if (job is not null)
            {
                job.Label!.DocumentCodes.AddRange(codes.Except(job.Label.DocumentCodes));
                job.DocumentNumber = string.Join(", ", job.Label.DocumentCodes);
                job.FileKey = await LabelPdfAsync(job.Label, job.FileName, ct);
                if (!await jobs.TryUpdateAsync(job, ct)) throw new InvalidOperationException($"Print job {job.Id} changed inside a unit of work");
            }
            else
            {
                var label = AddressLabels.For(client, codes, organisation.Documents.Seller);
                var name = $"label-{client.Id}-{time.GetUtcNow():yyyyMMddHHmmss}.pdf";
                job = await printQueue.EnqueueLabelAsync(label, name, await LabelPdfAsync(label, name, ct), ct);
            }
            foreach (var outcome in group) outcome.Entry!.LabelJobId = job.Id;
            labels.Add(job);
        }
        return labels;
    }

    /// <summary>Tells each returned document's manager; a deal whose live documents are all back is complete.</summary>
    private async Task<IReadOnlyList<Deal>> TellReturnedAsync(List<ScanOutcome> outcomes, Outgoing outgoing, CancellationToken ct)
    {
        var completed = new List<Deal>();
        foreach (var outcome in outcomes.Where(o => o is { Entry: not null, Repeated: false }))
        {
            var doc = outcome.Document!;
            if (await ManagerAsync(doc, ct) is { ChatId: { } chat } manager)
                outgoing.Send(chat, MailTexts.ReturnedToManager.In(manager.Language, doc.Title, doc.Number, outcome.Entry!.ClientName,
                    outcome.Entry.DealNumber ?? "—"));
        }
        foreach (var dealId in outcomes.Where(o => o is { Entry.DealId: not null, Repeated: false }).Select(o => o.Entry!.DealId!.Value).Distinct())
        {
            var all = (await documents.ByDealAsync(dealId, ct)).Where(d => d.IsLive).ToList();
            if (all.Count == 0 || all.Any(d => d.Status is not (DocumentStatus.Returned or DocumentStatus.Archived))) continue;
            if (await deals.GetAsync(dealId, ct) is not { } deal) continue;
            completed.Add(deal);
            var recipients = new Dictionary<long, Person>();
            if (await people.GetAsync(deal.ManagerId, ct) is { ChatId: not null } manager) recipients[manager.Id] = manager;
            foreach (var office in await people.WithRoleAsync(Role.OfficeManager, ct))
                if (office.ChatId is not null) recipients[office.Id] = office;
            foreach (var person in recipients.Values)
                outgoing.Send(person.ChatId!.Value, MailTexts.DealComplete.In(person.Language, deal.Number, all.Count,
                    string.Join(", ", all.Select(d => d.Number))));
        }
        return completed;
    }

    private Task<string> LabelPdfAsync(AddressLabel label, string name, CancellationToken ct) =>
        files.SaveAsync(name, new MemoryStream(labelPdf.Render(label, PdfLabelSize)), ct);

    private async Task<Person?> ManagerAsync(Document doc, CancellationToken ct) =>
        (doc.ManagerId != 0 ? await people.GetAsync(doc.ManagerId, ct) : null) ?? await people.GetAsync(doc.CreatedBy, ct);
}
