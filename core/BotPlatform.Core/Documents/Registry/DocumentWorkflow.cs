using BotPlatform.Core.Approvals;
using BotPlatform.Core.Audit;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Generation;
using BotPlatform.Core.Documents.Templates;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Printing;

namespace BotPlatform.Core.Documents.Registry;

/// <summary>A document's card: the document and what it hangs together with.</summary>
public sealed record DocumentView(Document Document, Deal? Deal, Client? Client, Document? Parent, IReadOnlyList<Document> Appendices,
    ApprovalRequest? Approval, Document? Replaces, Document? ReplacedBy, IReadOnlyList<PrintJob> PrintJobs);

/// <summary>
/// The registry's use cases after generation: submit (approval route by kind, or straight to printing),
/// edit a draft's text, annul, and the card.
/// </summary>
public sealed class DocumentWorkflow(
    IDocumentStore documents,
    IDealStore deals,
    IClientStore clients,
    IApprovalStore approvals,
    IPrintJobStore printJobs,
    ApprovalEngine engine,
    DocumentRelease release,
    PrintQueue printQueue,
    GenerateDocuments generator,
    DocumentRendering rendering,
    IUnitOfWork unitOfWork,
    IAuditLog audit,
    IOutboxStore outbox,
    IPeopleStore people,
    Organisation organisation,
    TimeProvider time)
{
    public async Task<Result<DocumentView>> ViewAsync(string number, CancellationToken ct)
    {
        if (await documents.FindByNumberAsync(number.Trim(), ct) is not { } doc) return Result<DocumentView>.Fail(DocumentProblems.NotFound, number.Trim());
        return Result<DocumentView>.Ok(await ViewAsync(doc, ct));
    }

    public async Task<DocumentView> ViewAsync(Document doc, CancellationToken ct) => new(
        doc,
        doc.DealId is { } dealId ? await deals.GetAsync(dealId, ct) : null,
        doc.ClientId is { } clientId ? await clients.GetAsync(clientId, ct) : null,
        doc.ParentId is { } parentId ? await documents.GetAsync(parentId, ct) : null,
        await documents.AppendicesAsync(doc.Id, ct),
        doc.ApprovalRequestId is { } requestId ? await approvals.GetAsync(requestId, ct) : null,
        doc.ReplacesId is { } replaces ? await documents.GetAsync(replaces, ct) : null,
        doc.ReplacedById is { } replacedBy ? await documents.GetAsync(replacedBy, ct) : null,
        await printJobs.ByDocumentAsync(doc.Id, ct));

    /// <summary>
    /// Sends a draft on: through the approvals engine with the route its kind needs, or - when its text is
    /// the template's and its kind needs no approval - straight to the print queue, the PDF to the manager.
    /// </summary>
    public Task<Result<Document>> SubmitAsync(string number, Person actor, Outgoing outgoing, CancellationToken ct) =>
        unitOfWork.RunAsync(async () =>
        {
            var loaded = await LoadAsync(number, actor, ct);
            if (!loaded.IsOk) return loaded;
            var doc = loaded.Value!;
            if (doc.Status != DocumentStatus.Draft) return Result<Document>.Fail(DocumentProblems.NotDraft, doc.Number, DocumentTexts.StatusArg(doc.Status));
            var before = doc.History.Count;
            var now = time.GetUtcNow();
            if (DocumentRelease.ApprovalKind(doc) is not { } approvalKind)
            {
                doc.SkipApproval(actor.Id, now);
                await SaveAsync(doc, before, ct);
                await release.ReleaseAsync(doc, outgoing, ct);
            }
            else
            {
                var client = doc.ClientId is { } clientId ? await clients.GetAsync(clientId, ct) : null;
                var pdf = new AttachedFile
                {
                    FileKey = doc.PdfKey, FileName = DocumentRendering.FileName(doc), Purpose = FilePurpose.Contract, AddedBy = actor.Id, AddedAt = now,
                };
                var draft = new RequestDraft(RequestKind.Contract, client?.LegalName ?? doc.Title, null, null, null, null,
                    $"{doc.Title} {doc.Number}", approvalKind, [pdf], doc.Id);
                var request = await engine.SubmitAsync(draft, actor, outgoing, null, ct);
                if (!request.IsOk) return Result<Document>.Fail(request.Problem!);
                doc.SubmitForApproval(request.Value!.Id, actor.Id, now);
                await SaveAsync(doc, before, ct);
            }
            await OutboxAsync(outgoing, ct);
            return Result<Document>.Ok(doc);
        }, ct);

    /// <summary>Every draft of the deal, submitted one by one (what /generate's button does).</summary>
    public async Task<IReadOnlyList<Result<Document>>> SubmitDealAsync(long dealId, Person actor, Outgoing outgoing, CancellationToken ct)
    {
        var results = new List<Result<Document>>();
        foreach (var doc in (await documents.ByDealAsync(dealId, ct)).Where(d => d.Status == DocumentStatus.Draft).OrderBy(d => d.Id))
            results.Add(await SubmitAsync(doc.Number, actor, outgoing, ct));
        return results;
    }

    /// <summary>
    /// Annuls a document with a reason (anything before Archived). A contract takes its live appendices with
    /// it; unprinted print jobs are cancelled; the document's approval is withdrawn (on behalf of whoever filed it).
    /// </summary>
    public Task<Result<Document>> AnnulAsync(string number, string? reason, Person actor, Outgoing outgoing, CancellationToken ct) =>
        unitOfWork.RunAsync(async () =>
        {
            var loaded = await LoadAsync(number, actor, ct);
            if (!loaded.IsOk) return loaded;
            var doc = loaded.Value!;
            var now = time.GetUtcNow();
            var wasOnApproval = doc.Status == DocumentStatus.OnApproval;
            var before = doc.History.Count;
            if (doc.Annul(reason, actor.Id, now) is { } problem) return problem;
            await SaveAsync(doc, before, ct);
            await printQueue.CancelForAsync(doc.Id, ct);
            foreach (var appendix in (await documents.AppendicesAsync(doc.Id, ct)).Where(a => a.IsLive))
            {
                var was = appendix.History.Count;
                if (appendix.Annul(DocumentTexts.AnnulledWithContract.In(Langs.Default, doc.Number, reason!.Trim()), actor.Id, now) is not null) continue;
                await SaveAsync(appendix, was, ct);
                await printQueue.CancelForAsync(appendix.Id, ct);
            }
            if (wasOnApproval && doc.ApprovalRequestId is { } requestId && await approvals.GetAsync(requestId, ct) is { IsClosed: false })
                await engine.WithdrawAsync(requestId, actor, outgoing, ct, forInitiator: true);
            await OutboxAsync(outgoing, ct);
            return Result<Document>.Ok(doc);
        }, ct);

    /// <summary>
    /// The paper trail until barcode scanning records it: a printed document sent to the client, the signed
    /// original returned, the returned original archived. The document's people and the office manager may.
    /// </summary>
    public Task<Result<Document>> MoveAsync(string number, PaperStep step, Person actor, CancellationToken ct) =>
        unitOfWork.RunAsync(async () =>
        {
            if (await documents.FindByNumberAsync(number.Trim(), ct) is not { } doc) return Result<Document>.Fail(DocumentProblems.NotFound, number.Trim());
            if (!MayHandle(doc, actor) && !actor.Has(Role.OfficeManager)) return Result<Document>.Fail(DocumentProblems.NotAllowed, doc.Number);
            var before = doc.History.Count;
            var now = time.GetUtcNow();
            var problem = step switch
            {
                PaperStep.Sent => doc.MarkSent(actor.Id, now),
                PaperStep.Returned => doc.MarkReturned(actor.Id, now),
                _ => doc.Archive(actor.Id, now),
            };
            if (problem is not null) return problem;
            // The original is chased until it comes back (Mail.UnreturnedOriginals fires this timer).
            if (step == PaperStep.Sent) doc.PaperDueAt = organisation.Calendar.AddWorkingDays(now, organisation.Documents.UnreturnedAfterDays);
            await SaveAsync(doc, before, ct);
            return Result<Document>.Ok(doc);
        }, ct);

    /// <summary>The draft the person may edit (what /doc NUMBER edit sends them as a file).</summary>
    public async Task<Result<Document>> EditableAsync(string number, Person actor, CancellationToken ct)
    {
        var loaded = await LoadAsync(number, actor, ct);
        if (!loaded.IsOk) return loaded;
        var doc = loaded.Value!;
        return doc.Status == DocumentStatus.Draft
            ? loaded
            : Result<Document>.Fail(DocumentProblems.NotEditable, doc.Number, DocumentTexts.StatusArg(doc.Status));
    }

    /// <summary>
    /// The manager's edited text: filled and parsed again (so a mistake comes back with its line), rendered under
    /// the same number. Only a draft changes; an approved or printed document is corrected by annulment.
    /// </summary>
    public async Task<Result<Document>> EditAsync(string number, string text, Person actor, CancellationToken ct, string? reason = null)
    {
        var loaded = await LoadAsync(number, actor, ct);
        if (!loaded.IsOk) return loaded;
        var probe = loaded.Value!;
        if (probe.Status != DocumentStatus.Draft) return Result<Document>.Fail(DocumentProblems.NotEditable, probe.Number, DocumentTexts.StatusArg(probe.Status));
        return await unitOfWork.RunAsync(async () =>
        {
            var doc = (await documents.GetAsync(probe.Id, ct))!;
            if (doc.Status != DocumentStatus.Draft) return Result<Document>.Fail(DocumentProblems.NotEditable, doc.Number, DocumentTexts.StatusArg(doc.Status));
            var model = await ModelAsync(doc, ct);
            var filled = rendering.Fill(text, model);
            if (!filled.IsOk)
            {
                var args = filled.Problem!.Args;
                return Result<Document>.Fail(DocumentProblems.EditInvalid, doc.Number, args.Length > 0 ? args[0] : "?",
                    args.Length > 1 ? args[1] : filled.Problem.ToString());
            }
            var before = doc.History.Count;
            var pdf = await rendering.RenderAsync(doc, filled.Value!.Body, ct);
            if (doc.Edit(filled.Value.Text, pdf, actor.Id, time.GetUtcNow(), reason) is { } problem) return problem;
            await SaveAsync(doc, before, ct);
            return Result<Document>.Ok(doc);
        }, ct);
    }

    /// <summary>The template model the document was made with, rebuilt from its deal, client and contract.</summary>
    private async Task<TemplateModel> ModelAsync(Document doc, CancellationToken ct)
    {
        var deal = doc.DealId is { } dealId ? await deals.GetAsync(dealId, ct) : null;
        var client = (doc.ClientId is { } clientId ? await clients.GetAsync(clientId, ct) : null) ?? new Client();
        var manager = deal is null ? null : await people.GetAsync(deal.ManagerId, ct);
        var lines = deal?.Lines ?? [];
        if (doc.ServiceCode is { } service)
            lines = lines.Where(l => string.Equals(l.ServiceCode, service, StringComparison.OrdinalIgnoreCase)).ToList();
        else if (doc.AppendixNo is not null)
            lines = lines.Where(l => organisation.Documents.Service(l.ServiceCode)?.Appendices.Contains(doc.TemplateCode) == true).ToList();
        ContractInfo? contract = null;
        if (doc.ContractNumber is { Length: > 0 } contractNumber)
        {
            var parent = doc.ParentId is { } parentId ? await documents.GetAsync(parentId, ct) : null;
            var date = parent?.Date ?? client.FrameworkContractDate;
            contract = new ContractInfo(contractNumber, date is { } d ? TemplateFormats.Date(d) : "", date is { } dl ? TemplateFormats.LongDate(dl) : "");
        }
        return generator.Model(doc, deal, client, manager, lines, contract, []);
    }

    /// <summary>The document by number, when the person may act on it: whoever generated it, the deal's manager, an admin or the ops manager.</summary>
    private async Task<Result<Document>> LoadAsync(string number, Person actor, CancellationToken ct)
    {
        if (await documents.FindByNumberAsync(number.Trim(), ct) is not { } doc) return Result<Document>.Fail(DocumentProblems.NotFound, number.Trim());
        return MayHandle(doc, actor) ? Result<Document>.Ok(doc) : Result<Document>.Fail(DocumentProblems.NotAllowed, doc.Number);
    }

    public static bool MayHandle(Document doc, Person actor) =>
        doc.CreatedBy == actor.Id || doc.ManagerId == actor.Id || actor.Has(Role.Admin) || actor.Has(Role.OpsManager);

    private async Task SaveAsync(Document doc, int historyBefore, CancellationToken ct)
    {
        if (!await documents.TryUpdateAsync(doc, ct)) throw new InvalidOperationException($"{doc.Number} changed inside a unit of work");
        await GenerateDocuments.AuditAsync(audit, doc, historyBefore, ct);
    }

    private Task OutboxAsync(Outgoing outgoing, CancellationToken ct) => outbox.EnqueueAsync(outgoing.Messages, ct);
}

public enum PaperStep
{
    Sent,
    Returned,
    Archived,
}
