namespace BotPlatform.Core.Printing.Agents;

/// <summary>
/// The wire contract of the host's /agent/v1 API, shared by the host and the printing agent. Every call
/// carries "Authorization: Bearer TOKEN"; a missing, wrong or revoked token gets 401.
/// </summary>
public static class AgentRoutes
{
    public const string Root = "/agent/v1";
    /// <summary>POST ?wait=SECONDS: a job with a lease (200), or nothing after the wait (204).</summary>
    public const string Claim = Root + "/claim";
    public static string File(long job) => $"{Root}/jobs/{job}/file";
    public static string Ack(long job) => $"{Root}/jobs/{job}/ack";
    public static string Fail(long job) => $"{Root}/jobs/{job}/fail";
    public static string Renew(long job) => $"{Root}/jobs/{job}/renew";
    public const string Heartbeat = Root + "/heartbeat";
    public const string Scan = Root + "/scan";
}

/// <summary>A claimed job: print it before <see cref="LeaseUntil"/> (or renew), then ack or fail it.</summary>
public sealed record AgentJob(long Id, string Kind, string Number, string FileName, int Copies, bool Duplex, int Attempt,
    DateTimeOffset LeaseUntil, AddressLabel? Label);

public sealed record AgentFailure(string Reason);

public sealed record AgentAnswer(string State, DateTimeOffset? LeaseUntil = null);

public sealed record AgentHeartbeat(string? Version, IReadOnlyList<PrinterReport> Printers);

/// <summary>A code scanned at the agent's scan station; <see cref="ScanId"/> makes a repeated call count once.</summary>
public sealed record AgentScan(string ScanId, string Code, string Direction);

public sealed record AgentScanAnswer(bool Ok, string Message);
