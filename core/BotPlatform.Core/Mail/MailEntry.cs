using BotPlatform.Core.Common;

namespace BotPlatform.Core.Mail;

public enum MailDirection
{
    /// <summary>Envelopes leaving for the client (the document becomes Sent).</summary>
    Out,
    /// <summary>A signed original coming back (the document becomes Returned).</summary>
    In,
}

/// <summary>A line of the outgoing or incoming mail register: one document scanned on its way out or back.</summary>
public sealed class MailEntry : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public MailDirection Direction { get; set; }
    public DateTimeOffset At { get; set; }
    /// <summary>The organisation's calendar date of the scan (the register's date).</summary>
    public DateOnly Date { get; set; }
    public long DocumentId { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string DocumentCode { get; set; } = "";
    public string DocumentTitle { get; set; } = "";
    public long? ClientId { get; set; }
    public string ClientName { get; set; } = "";
    public long? DealId { get; set; }
    public string? DealNumber { get; set; }
    /// <summary>Who scanned: a person's id, or null when a printing agent's scan station did.</summary>
    public long? ScannedBy { get; set; }
    /// <summary>"bot" or "agent:NAME".</summary>
    public string Source { get; set; } = "";
    /// <summary>The agent's id for the scan, so that a scan sent twice is registered once.</summary>
    public string? ScanId { get; set; }
    /// <summary>The address label job queued for the envelope (outgoing).</summary>
    public long? LabelJobId { get; set; }
}

public interface IMailRegisterStore
{
    Task InsertAsync(MailEntry entry, CancellationToken ct);
    Task<MailEntry?> FindByScanIdAsync(string scanId, CancellationToken ct);
    /// <summary>Entries whose date is within [from, to], oldest first; both directions when direction is null.</summary>
    Task<IReadOnlyList<MailEntry>> ListAsync(DateOnly from, DateOnly to, MailDirection? direction, CancellationToken ct);
    /// <summary>Every entry of these documents (a deal's history), oldest first.</summary>
    Task<IReadOnlyList<MailEntry>> ByDocumentsAsync(IReadOnlyCollection<long> documentIds, CancellationToken ct);
}

/// <summary>Reads barcodes off a photo: every code found, in reading order; none for a blurred photo or not a picture.</summary>
public interface IBarcodeDecoder
{
    IReadOnlyList<string> Decode(byte[] image);
}

/// <summary>Writes the register as an .xlsx workbook.</summary>
public interface IMailSpreadsheet
{
    byte[] Write(IReadOnlyList<MailEntry> entries, bool english);
}

public static class MailProblems
{
    public const string NotAllowed = "mail.not_allowed";
    public const string UnknownCode = "mail.unknown_code";
    public const string NoCodes = "mail.no_codes";
    public const string NoBarcode = "mail.no_barcode";
    public const string BadPeriod = "mail.bad_period";
}
