using System.Security.Cryptography;
using System.Text;
using BotPlatform.Core.Common;

namespace BotPlatform.Core.Printing.Agents;

/// <summary>What an agent's printer prints: documents (A4 PDFs) or address labels.</summary>
public static class PrinterKinds
{
    public const string Document = "document";
    public const string Label = "label";

    public static bool IsKnown(string kind) => kind is Document or Label;

    /// <summary>The print queue's printer name for a kind of printer.</summary>
    public static string QueueOf(string kind) => kind == Label ? PrintJob.LabelsPrinter : PrintJob.DocumentsPrinter;

    public static string KindOf(PrintJob job) => job.Printer == PrintJob.LabelsPrinter ? Label : Document;
}

/// <summary>A printer as the agent last reported it in its heartbeat.</summary>
public sealed class AgentPrinter
{
    public string Name { get; set; } = "";
    public string Kind { get; set; } = PrinterKinds.Document;
    /// <summary>"ready", "offline", "error"... as the agent reports it.</summary>
    public string State { get; set; } = "";
    public string? Error { get; set; }
}

/// <summary>
/// A printing agent on an office LAN. Its token is shown once when it is registered and only its SHA-256
/// hash is kept: a leaked database does not let anyone claim jobs. A revoked agent is refused at once.
/// </summary>
public sealed class PrintAgent : IVersioned
{
    public long Id { get; set; }
    public int Version { get; set; }
    public string Name { get; set; } = "";
    public string TokenHash { get; set; } = "";
    public long CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public long? RevokedBy { get; set; }
    public DateTimeOffset? LastSeenAt { get; set; }
    public string? AgentVersion { get; set; }
    public List<AgentPrinter> Printers { get; set; } = [];

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>The print queues this agent serves; before its first heartbeat it serves documents.</summary>
    public IReadOnlyList<string> Queues => Printers.Count == 0
        ? [PrintJob.DocumentsPrinter]
        : Printers.Select(p => PrinterKinds.QueueOf(p.Kind)).Distinct().ToList();

    /// <summary>A new random token (256 bits, URL-safe) and its hash.</summary>
    public static (string Token, string Hash) NewToken()
    {
        var token = "bpa_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));
}

public interface IPrintAgentStore
{
    Task<PrintAgent?> GetAsync(long id, CancellationToken ct);
    /// <summary>Case-insensitive; revoked agents too.</summary>
    Task<PrintAgent?> FindByNameAsync(string name, CancellationToken ct);
    Task<PrintAgent?> FindByTokenHashAsync(string hash, CancellationToken ct);
    Task<IReadOnlyList<PrintAgent>> ListAsync(CancellationToken ct);
    Task InsertAsync(PrintAgent agent, CancellationToken ct);
    Task<bool> TryUpdateAsync(PrintAgent agent, CancellationToken ct);
}

public static class AgentProblems
{
    public const string NotAllowed = "agents.not_allowed";
    public const string BadName = "agents.bad_name";
    public const string NameTaken = "agents.name_taken";
    public const string NotFound = "agents.not_found";
    public const string AlreadyRevoked = "agents.already_revoked";
}
