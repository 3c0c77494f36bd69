using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Registry;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Printing;

/// <summary>
/// The office's print queue. Jobs are created when a document is approved (or skips approval); the
/// printing agent (a separate issue) claims one with a lease, prints it and acknowledges it, and the
/// document becomes Printed in the same step.
/// </summary>
public sealed class PrintQueue(IPrintJobStore jobs, IDocumentStore documents, IAuditLog audit, IUnitOfWork unitOfWork, Organisation organisation,
    TimeProvider time)
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
    public Task<PrintJob?> ClaimAsync(string printer, string agent, TimeSpan lease, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        var now = time.GetUtcNow();
        var job = (await jobs.ClaimableAsync(printer, now, 1, ct)).FirstOrDefault();
        if (job is null || job.Claim(agent, now, lease) is not null) return null;
        if (!await jobs.TryUpdateAsync(job, ct)) throw new InvalidOperationException($"Print job {job.Id} changed inside a unit of work");
        return job;
    }, ct);

    /// <summary>The agent printed the job: the job is done and its document becomes Printed.</summary>
    public Task<Result<PrintJob>> AckPrintedAsync(long jobId, string agent, CancellationToken ct) => unitOfWork.RunAsync(async () =>
    {
        if (await jobs.GetAsync(jobId, ct) is not { } job) return Result<PrintJob>.Fail(PrintProblems.NotFound, jobId);
        var now = time.GetUtcNow();
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
        return Result<PrintJob>.Ok(job);
    }, ct);
}
