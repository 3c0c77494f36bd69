using BotPlatform.Core.Common;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Approvals;

/// <summary>A file as it arrived in a message, before it is accepted: what Telegram tells about it.</summary>
/// <param name="Size">Telegram's file_size; null when Telegram did not report it.</param>
public sealed record IncomingFile(string FileId, string? FileName, string? MimeType, long? Size, bool IsPhoto);

/// <summary>
/// The rules for each answer of a payment request or a contract approval, one answer at a time, so a
/// dialog can refuse a wrong answer at once and ask the same question again.
/// </summary>
public static class Filing
{
    public const int MaxCounterpartyLength = 200;
    public const int MaxCommentLength = 1000;
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const string PhotoFileName = "photo.jpg";

    private static readonly string[] ContractMimeTypes =
        ["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"];

    private static readonly string[] ContractExtensions = [".pdf", ".docx"];

    public static Result<string> Counterparty(string? text)
    {
        var name = text?.Trim() ?? "";
        if (name.Length == 0) return Result<string>.Fail(ApprovalProblems.CounterpartyEmpty);
        return name.Length > MaxCounterpartyLength
            ? Result<string>.Fail(FilingProblems.CounterpartyTooLong, name.Length, MaxCounterpartyLength)
            : Result<string>.Ok(name);
    }

    /// <summary>The amount as typed; without a currency in the text, the organisation's.</summary>
    public static Result<Money> Amount(string? text, Organisation organisation) =>
        AmountInput.Parse(text, organisation.Definition.Currency);

    /// <summary>The payment due date, read against the organisation's local today.</summary>
    public static Result<DateOnly> DueDate(string? text, Organisation organisation, TimeProvider time) =>
        DueDate(text, organisation.Calendar.LocalDate(time.GetUtcNow()));

    /// <summary>"30.11", "30.11.2026", "завтра": today or a later day.</summary>
    public static Result<DateOnly> DueDate(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return Result<DateOnly>.Fail(FilingProblems.DueDateEmpty);
        if (!DateInput.TryParse(text, today, out var date)) return Result<DateOnly>.Fail(ApprovalProblems.DueDateInvalid, text.Trim());
        return date < today ? Result<DateOnly>.Fail(ApprovalProblems.DueDatePast) : Result<DateOnly>.Ok(date);
    }

    /// <summary>
    /// The invoice (any document or photo) or the contract (PDF or DOCX, by MIME type or extension), at
    /// most 20 MB: the size Telegram lets a bot download, so every approver can open it.
    /// </summary>
    public static Result<AttachedFile> File(IncomingFile? file, RequestKind kind)
    {
        if (file is null) return Result<AttachedFile>.Fail(ApprovalProblems.FileRequired);
        var name = file.IsPhoto ? PhotoFileName : string.IsNullOrWhiteSpace(file.FileName) ? "document" : file.FileName.Trim();
        if (kind == RequestKind.Contract && (file.IsPhoto || !IsPdfOrDocx(name, file.MimeType)))
            return Result<AttachedFile>.Fail(ApprovalProblems.FileWrongType);
        if (file.Size > MaxFileBytes)
            return Result<AttachedFile>.Fail(ApprovalProblems.FileTooLarge, Math.Round(file.Size.Value / (1024m * 1024m), 1));
        return Result<AttachedFile>.Ok(new AttachedFile
        {
            FileId = file.FileId, FileName = name, IsPhoto = file.IsPhoto, Size = file.Size ?? 0,
            Purpose = kind == RequestKind.Contract ? FilePurpose.Contract : FilePurpose.Invoice,
        });
    }

    public static Result<CostItem> CostItem(string? code, Organisation organisation) =>
        organisation.Approvals.CostItems.FirstOrDefault(c => c.Code == code) is { } item
            ? Result<CostItem>.Ok(item)
            : Result<CostItem>.Fail(ApprovalProblems.UnknownCostItem);

    public static Result<DocumentKindDefinition> DocumentKind(string? code, Organisation organisation) =>
        organisation.Approvals.DocumentKinds.FirstOrDefault(k => k.Code == code) is { } kind
            ? Result<DocumentKindDefinition>.Ok(kind)
            : Result<DocumentKindDefinition>.Fail(ApprovalProblems.UnknownDocumentKind);

    /// <summary>An optional comment; when given, it is text of reasonable length (it travels on every card).</summary>
    public static Result<string> Comment(string? text)
    {
        var comment = text?.Trim() ?? "";
        if (comment.Length == 0) return Result<string>.Fail(FilingProblems.CommentNotText);
        return comment.Length > MaxCommentLength
            ? Result<string>.Fail(FilingProblems.CommentTooLong, comment.Length, MaxCommentLength)
            : Result<string>.Ok(comment);
    }

    private static bool IsPdfOrDocx(string fileName, string? mimeType) =>
        ContractMimeTypes.Contains(mimeType?.Trim(), StringComparer.OrdinalIgnoreCase)
        || ContractExtensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase);
}

/// <summary>Problems of filing that the approvals catalogue does not have.</summary>
public static class FilingProblems
{
    public const string CounterpartyTooLong = "filing.counterparty_too_long";
    public const string DueDateEmpty = "filing.due_date_empty";
    public const string CommentNotText = "filing.comment_not_text";
    public const string CommentTooLong = "filing.comment_too_long";
    public const string PressAButton = "filing.press_a_button";
}
