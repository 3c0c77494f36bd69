using BotPlatform.Core.Audit;
using BotPlatform.Core.Approvals;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;

namespace BotPlatform.Core.Documents.Registry;

/// <summary>
/// What happens when a document is approved (or needs no approval): a print job for the office printer,
/// and the PDF in the manager's chat. Runs inside the caller's unit of work.
/// </summary>
public sealed class DocumentRelease(PrintQueue printQueue, IPeopleStore people)
{
    public async Task<PrintJob> ReleaseAsync(Document doc, Outgoing outgoing, CancellationToken ct)
    {
        var job = await printQueue.EnqueueAsync(doc, ct);
        if (await ManagerAsync(doc, ct) is { ChatId: { } chat } manager && doc.PdfKey is { } key)
        {
            var lang = manager.Language;
            var caption = (doc.ApprovalSkipped ? DocumentTexts.ReleasedWithoutApproval : DocumentTexts.ReleasedApproved)
                .In(lang, doc.Title, doc.Number, DocumentTexts.PrintSettings(job.Copies, job.Duplex, lang));
            outgoing.SendDocument(chat, key, DocumentRendering.FileName(doc), caption);
        }
        return job;
    }

    /// <summary>The deal's manager, or whoever generated the document.</summary>
    public async Task<Person?> ManagerAsync(Document doc, CancellationToken ct) =>
        (doc.ManagerId != 0 ? await people.GetAsync(doc.ManagerId, ct) : null) ?? await people.GetAsync(doc.CreatedBy, ct);

    /// <summary>The approval route's document kind, or null when the document's text is the template's and it skips approval.</summary>
    public static string? ApprovalKind(Document doc) => doc.Kind switch
    {
        DocumentsDefinition.Specification or DocumentsDefinition.SupplementaryAgreement => doc.Kind,
        DocumentsDefinition.FrameworkContract when doc.TextEdited => FrameworkEdit,
        _ when doc.TextEdited => doc.Kind,
        _ => null,
    };

    /// <summary>The approvals catalogue's kind for an edited framework contract: lawyer, then director.</summary>
    public const string FrameworkEdit = "framework_edit";
}

/// <summary>Moves a document on when its approval request ends: approved -> printing; rejected or withdrawn -> back to a draft.</summary>
public sealed class DocumentApprovalObserver(IDocumentStore documents, DocumentRelease release, IAuditLog audit, TimeProvider time)
    : IApprovalOutcomeObserver
{
    public async Task OnClosedAsync(ApprovalRequest request, Outgoing outgoing, CancellationToken ct)
    {
        if (request.DocumentId is not { } id || await documents.GetAsync(id, ct) is not { Status: DocumentStatus.OnApproval } doc) return;
        if (doc.ApprovalRequestId != request.Id) return;
        var before = doc.History.Count;
        var last = request.History.LastOrDefault(e => e.ActorId is not null);
        var now = time.GetUtcNow();
        switch (request.Status)
        {
            case RequestStatus.Approved:
                doc.ApprovalClosed(true, DocumentActions.Approved, last?.ActorId, null, now);
                break;
            case RequestStatus.Rejected:
                doc.ApprovalClosed(false, DocumentActions.Rejected, last?.ActorId, last?.Reason, now);
                break;
            default:
                doc.ApprovalClosed(false, DocumentActions.Withdrawn, last?.ActorId, null, now);
                break;
        }
        if (!await documents.TryUpdateAsync(doc, ct)) throw new InvalidOperationException($"{doc.Number} changed inside a unit of work");
        await GenerateDocuments.AuditAsync(audit, doc, before, ct);
        if (doc.Status == DocumentStatus.Approved)
        {
            await release.ReleaseAsync(doc, outgoing, ct);
        }
        else if (request.Status == RequestStatus.Rejected && await release.ManagerAsync(doc, ct) is { ChatId: { } chat } manager)
        {
            outgoing.Send(chat, DocumentTexts.BackToDraft.In(manager.Language, doc.Title, doc.Number, last?.Reason ?? "—"));
        }
    }
}
