using BotPlatform.Core.Common;

namespace BotPlatform.Core.Documents.Registry;

/// <summary>A document's life: Draft -> OnApproval -> Approved -> Printed -> Sent -> Returned -> Archived; Annulled before Archived.</summary>
public enum DocumentStatus
{
    Draft,
    OnApproval,
    Approved,
    Printed,
    Sent,
    Returned,
    Archived,
    Annulled,
}

/// <summary>One line of a document's history: who did what, when, and why.</summary>
public sealed class DocumentHistoryEntry
{
    public DateTimeOffset At { get; set; }
    public string Action { get; set; } = "";
    public long? ActorId { get; set; }
    public string? Reason { get; set; }
}

public static class DocumentActions
{
    public const string Generated = "generated";
    public const string Edited = "edited";
    public const string Submitted = "submitted";
    public const string ApprovalSkipped = "approval_skipped";
    public const string Approved = "approved";
    public const string Rejected = "rejected";
    public const string Withdrawn = "withdrawn";
    public const string Printed = "printed";
    public const string Sent = "sent";
    public const string Returned = "returned";
    public const string Archived = "archived";
    public const string Annulled = "annulled";
    public const string Replaced = "replaced";
    public const string ReviewLink = "review_link";
    public const string ReviewRevoked = "review_revoked";
}

/// <summary>One version of a document's text: the generated one is 1, every edit adds the next.</summary>
public sealed class DocumentTextVersion
{
    public int No { get; set; }
    public DateTimeOffset At { get; set; }
    public long? ActorId { get; set; }
    public string Text { get; set; } = "";
    /// <summary>Why it changed: empty for a manager's own edit, the clause and proposer for an accepted wording.</summary>
    public string? Reason { get; set; }
}

/// <summary>
/// A generated document in the registry. Its number, code, text and PDF never change once it is
/// approved: a correction is an annulment plus a new document linked through ReplacesId/ReplacedById.
/// Every change is a method that refuses what the status does not allow and records the change.
/// </summary>
public sealed class Document : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public string Number { get; set; } = "";
    /// <summary>The barcode's content, unique across all documents and years: "BP000123".</summary>
    public string Code { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public long? DealId { get; set; }
    public long? ClientId { get; set; }
    /// <summary>For an appendix: the contract it belongs to (null under a paper contract from before the platform).</summary>
    public long? ParentId { get; set; }
    /// <summary>The contract's number for an appendix (kept also for paper contracts that are not in the registry).</summary>
    public string? ContractNumber { get; set; }
    public int? AppendixNo { get; set; }
    /// <summary>For a per-service appendix (a technical assignment): the service it describes.</summary>
    public string? ServiceCode { get; set; }
    public string TemplateCode { get; set; } = "";
    public int TemplateVersion { get; set; }
    /// <summary>The filled markup the PDF was rendered from.</summary>
    public string Text { get; set; } = "";
    /// <summary>The text as the template produced it; TextEdited is whether <see cref="Text"/> differs.</summary>
    public string TemplateText { get; set; } = "";
    public bool TextEdited { get; set; }
    public string? PdfKey { get; set; }
    public int Pages { get; set; }
    public DocumentStatus Status { get; set; }
    public string? AnnulReason { get; set; }
    public long? ReplacesId { get; set; }
    public long? ReplacedById { get; set; }
    public long? ApprovalRequestId { get; set; }
    /// <summary>Whether the document went to printing without approval (its text is the template's).</summary>
    public bool ApprovalSkipped { get; set; }
    public long CreatedBy { get; set; }
    /// <summary>Who receives the document's PDFs and outcomes: the deal's manager, or whoever made it.</summary>
    public long ManagerId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The document's date (organisation calendar), printed in its text.</summary>
    public DateOnly Date { get; set; }
    public List<DocumentHistoryEntry> History { get; set; } = [];
    /// <summary>Every text the document had, oldest first; empty until the first edit (then version 1 is the generated text).</summary>
    public List<DocumentTextVersion> TextVersions { get; set; } = [];
    /// <summary>The timer of an original sent and not back yet: when its manager is reminded next (cleared once it returns).</summary>
    public DateTimeOffset? PaperDueAt { get; set; }
    /// <summary>How many unreturned-original reminders went out.</summary>
    public int PaperReminders { get; set; }
    /// <summary>For an invoice: the payments recorded against it (/paid), partial ones included, oldest first.</summary>
    public List<DocumentPayment> Payments { get; set; } = [];

    public bool IsLive => Status != DocumentStatus.Annulled;

    public string Subject => "document:" + Number;

    public DocumentHistoryEntry Record(string action, DateTimeOffset at, long? actor = null, string? reason = null)
    {
        var entry = new DocumentHistoryEntry { At = at, Action = action, ActorId = actor, Reason = reason };
        History.Add(entry);
        return entry;
    }

    /// <summary>A new text (the manager's edit), re-rendered under the same number; only a draft changes.</summary>
    public Problem? Edit(string text, DocumentBodyPdf pdf, long actor, DateTimeOffset now, string? reason = null)
    {
        if (Status != DocumentStatus.Draft) return new Problem(DocumentProblems.NotEditable, Number, DocumentTexts.StatusArg(Status));
        if (TextVersions.Count == 0) TextVersions.Add(new DocumentTextVersion { No = 1, At = CreatedAt, ActorId = CreatedBy, Text = Text });
        TextVersions.Add(new DocumentTextVersion { No = TextVersions.Count + 1, At = now, ActorId = actor, Text = text, Reason = reason });
        Text = text;
        TextEdited = !string.Equals(Normalise(text), Normalise(TemplateText), StringComparison.Ordinal);
        PdfKey = pdf.Key;
        Pages = pdf.Pages;
        Record(DocumentActions.Edited, now, actor, reason);
        return null;
    }

    /// <summary>The number of the current text's version (1 until the first edit).</summary>
    public int CurrentTextVersion() => Math.Max(1, TextVersions.Count);

    public Problem? SubmitForApproval(long requestId, long actor, DateTimeOffset now)
    {
        if (Status != DocumentStatus.Draft) return new Problem(DocumentProblems.NotDraft, Number, DocumentTexts.StatusArg(Status));
        Status = DocumentStatus.OnApproval;
        ApprovalRequestId = requestId;
        ApprovalSkipped = false;
        Record(DocumentActions.Submitted, now, actor);
        return null;
    }

    /// <summary>A document whose text is the template's goes to printing without an approval route.</summary>
    public Problem? SkipApproval(long actor, DateTimeOffset now)
    {
        if (Status != DocumentStatus.Draft) return new Problem(DocumentProblems.NotDraft, Number, DocumentTexts.StatusArg(Status));
        Status = DocumentStatus.Approved;
        ApprovalSkipped = true;
        Record(DocumentActions.ApprovalSkipped, now, actor);
        return null;
    }

    /// <summary>The approval request reached its end: approved, or back to a draft with the reason.</summary>
    public Problem? ApprovalClosed(bool approved, string action, long? actor, string? reason, DateTimeOffset now)
    {
        if (Status != DocumentStatus.OnApproval) return new Problem(DocumentProblems.NotOnApproval, Number, DocumentTexts.StatusArg(Status));
        Status = approved ? DocumentStatus.Approved : DocumentStatus.Draft;
        Record(action, now, actor, reason);
        return null;
    }

    public Problem? MarkPrinted(DateTimeOffset now) => Move(DocumentStatus.Approved, DocumentStatus.Printed, DocumentActions.Printed, null, now);

    public Problem? MarkSent(long actor, DateTimeOffset now) => Move(DocumentStatus.Printed, DocumentStatus.Sent, DocumentActions.Sent, actor, now);

    public Problem? MarkReturned(long actor, DateTimeOffset now)
    {
        var problem = Move(DocumentStatus.Sent, DocumentStatus.Returned, DocumentActions.Returned, actor, now);
        if (problem is null) PaperDueAt = null;
        return problem;
    }

    public Problem? Archive(long actor, DateTimeOffset now) =>
        Move(DocumentStatus.Returned, DocumentStatus.Archived, DocumentActions.Archived, actor, now);

    public Problem? Annul(string? reason, long actor, DateTimeOffset now)
    {
        reason = reason?.Trim();
        if (string.IsNullOrEmpty(reason)) return new Problem(DocumentProblems.AnnulReasonRequired, Number);
        if (Status == DocumentStatus.Annulled) return new Problem(DocumentProblems.AlreadyAnnulled, Number);
        if (Status == DocumentStatus.Archived) return new Problem(DocumentProblems.Archived, Number);
        Status = DocumentStatus.Annulled;
        AnnulReason = reason;
        PaperDueAt = null;
        Record(DocumentActions.Annulled, now, actor, reason);
        return null;
    }

    /// <summary>Links an annulled document to the one that replaces it.</summary>
    public void ReplacedBy(Document replacement, DateTimeOffset now, long actor)
    {
        ReplacedById = replacement.Id;
        replacement.ReplacesId = Id;
        Record(DocumentActions.Replaced, now, actor, replacement.Number);
    }

    private Problem? Move(DocumentStatus from, DocumentStatus to, string action, long? actor, DateTimeOffset now)
    {
        if (Status == to) return new Problem(DocumentProblems.AlreadyInStatus, Number, DocumentTexts.StatusArg(to));
        if (Status != from) return new Problem(DocumentProblems.IllegalMove, Number, DocumentTexts.StatusArg(Status), DocumentTexts.StatusArg(to));
        Status = to;
        Record(action, now, actor);
        return null;
    }

    // Line endings and trailing spaces are not an edit: a file saved on Windows is the same text.
    private static string Normalise(string text) =>
        string.Join('\n', text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd())).Trim();
}

/// <summary>A rendered PDF as stored: its file key and page count.</summary>
public sealed record DocumentBodyPdf(string Key, int Pages);

public static class DocumentProblems
{
    public const string NotFound = "documents.not_found";
    public const string NotEditable = "documents.not_editable";
    public const string NotDraft = "documents.not_draft";
    public const string NotOnApproval = "documents.not_on_approval";
    public const string AnnulReasonRequired = "documents.annul_reason_required";
    public const string AlreadyAnnulled = "documents.already_annulled";
    public const string Archived = "documents.archived";
    public const string AlreadyInStatus = "documents.already_in_status";
    public const string IllegalMove = "documents.illegal_move";
    public const string DealNotFound = "documents.deal_not_found";
    public const string ClientNotFound = "documents.client_not_found";
    public const string UnknownService = "documents.unknown_service";
    public const string DealEmpty = "documents.deal_empty";
    public const string IncompleteRequisites = "documents.incomplete_requisites";
    public const string TemplateMissing = "documents.template_missing";
    public const string TemplateFailed = "documents.template_failed";
    public const string NothingToGenerate = "documents.nothing_to_generate";
    public const string NotAllowed = "documents.not_allowed";
    public const string EnvelopeEmpty = "documents.envelope_empty";
    public const string EnvelopeClients = "documents.envelope_clients";
    public const string EnvelopeAnnulled = "documents.envelope_annulled";
    public const string EditInvalid = "documents.edit_invalid";
}
