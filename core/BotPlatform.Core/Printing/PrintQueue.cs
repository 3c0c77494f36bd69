using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Printing;

/// <summary>
/// The office's print queue. Jobs are created when a document is approved (or skips approval); the
/// printing agents (printing-agent/, through the host's /agent/v1 API) claim one with a lease, print it and acknowledge it, and the
/// document becomes Printed in the same step.
/// </summary>
public sealed class PrintQueue(IPrintJobStore jobs, IDocumentStore documents, IAuditLog audit, IUnitOfWork unitOfWork, Organisation organisation,
    IPeopleStore people, IOutboxStore outbox, TimeProvider time)
{
    /// <summary>Queues the document's PDF with the copies and duplex of its kind; call inside the caller's unit of work.</summary>
    public async Task<PrintJob> EnqueueAsync(Document document, CancellationToken ct)
    {
        var settings = organisation.Documents.Kinds.FirstOrDefault(k => k.Kind == document.Kind);
        var job = new PrintJob
        {
            DocumentId = document.Id, DocumentNumber = document.Number, FileKey = document.PdfKey ?? "", FileName = DocumentRendering.FileName(document),
            Copies = Math.Max(1, settings?.Copies ?? 1), Duplex = settings?.Duplex ?? false, CreatedAt = time.GetUtcNow(),
        };
        await jobs.InsertAsync(job, ct);
        return job;
    }

    /// <summary>Cancels the document's jobs that are not printed yet (it was annulled); call inside the caller's unit of work.</summary>
    public async Task CancelForAsync(long documentId, CancellationToken ct)
    {
        foreach (var job in await jobs.ByDocumentAsync(documentId, ct))
        {
            if (job.Cancel() && !await jobs.TryUpdateAsync(job, ct)) throw new InvalidOperationException($"Print job {job.Id} changed inside a unit of work");
        }
    }

    /// <summary>The oldest claimable job of the printer, claimed for <paramref name="lease"/>; null when there is none.</summary>
    public Task<PrintJob?> ClaimAsync(string printer, string agent, TimeSpan lease, CancellationToken ct) => ClaimAsync([printer], agent, lease, ct);

    /// <summary>
    /// The oldest claimable job of any of the agent's queues, claimed for <paramref name="lease"/>; null when there is none.
    /// A job whose last attempt's lease ran out fails for good on the way (its people are told) instead of being claimed.
    /// </summary>
    public async Task<PrintJob?> ClaimAsync(IReadOnlyList<string> printers, string agent, TimeSpan lease, CancellationToken ct)
    {
        while (true)
        {
            var (job, expired) = await unitOfWork.RunAsync(async () =>
            {
                var now = time.GetUtcNow();
                PrintJob? oldest = null;
                foreach (var printer in printers)
                {
                    var candidate = (await jobs.ClaimableAsync(printer, now, 1, ct)).FirstOrDefault();
                    if (candidate is not null && (oldest is null || candidate.Id < oldest.Id)) oldest = candidate;
                }
                if (oldest is null) return ((PrintJob?)null, false);
                if (oldest.ExpireForGood(now))
                {
                    if (!await jobs.TryUpdateAsync(oldest, ct)) throw new InvalidOperationException($"Print job {oldest.Id} changed inside a unit of work");
                    await TellFailedAsync(oldest, ct);
                    return (oldest, true);
                }
                if (oldest.Claim(agent, now, lease) is not null) return (null, false);
                if (!await jobs.TryUpdateAsync(oldest, ct)) throw new InvalidOperationException($"Print job {oldest.Id} changed inside a unit of work");
                return (oldest, false);
            }, ct);
            if (!expired) return job;
        }
    }

    /// <summary>The agent is still printing: its lease is extended.</summary>
    public Task<Result<PrintJob>> RenewAsync(long jobId, string agent, TimeSpan lease, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        if (await jobs.GetAsync(jobId, ct) is not { } job) return Result<PrintJob>.Fail(PrintProblems.NotFound, jobId);
        if (job.Renew(agent, time.GetUtcNow(), lease) is { } problem) return problem;
        if (!await jobs.TryUpdateAsync(job, ct)) throw new InvalidOperationException($"Print job {job.Id} changed inside a unit of work");
        return Result<PrintJob>.Ok(job);
    }, ct);

    /// <summary>
    /// The agent printed the job: the job is done and its document becomes Printed. An acknowledgement repeated by
    /// the agent that printed it (its first answer was lost) is answered as the first one and changes nothing.
    /// </summary>
    public Task<Result<PrintJob>> AckPrintedAsync(long jobId, string agent, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        if (await jobs.GetAsync(jobId, ct) is not { } job) return Result<PrintJob>.Fail(PrintProblems.NotFound, jobId);
        var now = time.GetUtcNow();
        if (job.State == PrintJobState.Printed && job.ClaimedBy == agent) return Result<PrintJob>.Ok(job);
        if (job.AckPrinted(agent, now) is { } problem) return problem;
        if (!await jobs.TryUpdateAsync(job, ct)) throw new InvalidOperationException($"Print job {job.Id} changed inside a unit of work");
        if (await documents.GetAsync(job.DocumentId, ct) is { } doc)
        {
            var before = doc.History.Count;
            // A reprint of a document already printed (or sent) leaves its status alone.
            if (doc.MarkPrinted(now) is null)
            {
                if (!await documents.TryUpdateAsync(doc, ct)) throw new InvalidOperationException($"{doc.Number} changed inside a unit of work");
                await GenerateDocuments.AuditAsync(audit, doc, before, ct);
            }
        }
        return Result<PrintJob>.Ok(job);
    }, ct);

    public Task<Result<PrintJob>> FailAsync(long jobId, string agent, string error, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        if (await jobs.GetAsync(jobId, ct) is not { } job) return Result<PrintJob>.Fail(PrintProblems.NotFound, jobId);
        if (job.Fail(agent, error, time.GetUtcNow()) is { } problem) return problem;
        if (!await jobs.TryUpdateAsync(job, ct)) throw new InvalidOperationException($"Print job {job.Id} changed inside a unit of work");
        if (job.State == PrintJobState.Failed) await TellFailedAsync(job, ct);
        return Result<PrintJob>.Ok(job);
    }, ct);

    /// <summary>Queues an address label job; call inside the caller's unit of work.</summary>
    public async Task<PrintJob> EnqueueLabelAsync(AddressLabel label, string name, string? pdfKey, CancellationToken ct)
    {
        var job = new PrintJob
        {
            DocumentNumber = string.Join(", ", label.DocumentCodes), FileName = name, FileKey = pdfKey ?? "", Printer = PrintJob.LabelsPrinter, Label = label,
            CreatedAt = time.GetUtcNow(),
        };
        await jobs.InsertAsync(job, ct);
        return job;
    }

    /// <summary>A job that failed for good: the document's manager and the office managers hear of it, with the last reason.</summary>
    private async Task TellFailedAsync(PrintJob job, CancellationToken ct)
    {
        var recipients = new Dictionary<long, Person>();
        if (job.DocumentId != 0 && await documents.GetAsync(job.DocumentId, ct) is { } doc)
        {
            var manager = (doc.ManagerId != 0 ? await people.GetAsync(doc.ManagerId, ct) : null) ?? await people.GetAsync(doc.CreatedBy, ct);
            if (manager is { ChatId: not null }) recipients[manager.Id] = manager;
        }
        foreach (var office in await people.WithRoleAsync(Role.OfficeManager, ct))
            if (office.ChatId is not null) recipients[office.Id] = office;
        var outgoing = new Outgoing($"print-failed:{job.Id}", time);
        foreach (var person in recipients.Values)
            outgoing.Send(person.ChatId!.Value, PrintingTexts.FailedForGood.In(person.Language, PrintingTexts.JobName(job, person.Language), job.Attempts,
                job.Error ?? "—"));
        await outbox.EnqueueAsync(outgoing.Messages, ct);
    }
}
