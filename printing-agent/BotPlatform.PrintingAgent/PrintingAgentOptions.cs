using System.ComponentModel.DataAnnotations;

namespace BotPlatform.PrintingAgent;

public sealed class PrintingAgentOptions
{
    public const string Section = "Agent";

    /// <summary>The BotPlatform server whose print queue this agent serves (its HTTPS base address).</summary>
    [Url]
    public string? ServerUrl { get; set; }

    /// <summary>Per-agent token from /agent new NAME in the bot; set it with the Agent__Token environment variable.</summary>
    public string? Token { get; set; }

    /// <summary>The office's printers this agent prints to; the first ready one of a job's kind takes the job.</summary>
    public List<PrinterOptions> Printers { get; set; } = [];

    /// <summary>Address labels: 58x40 or 100x150 (millimetres).</summary>
    [RegularExpression("^(58x40|100x150)$")]
    public string LabelSize { get; set; } = "58x40";

    [Range(1, 3600)]
    public int HeartbeatSeconds { get; set; } = 60;

    /// <summary>How long one claim waits on the server for a job (long poll).</summary>
    [Range(0, 120)]
    public int WaitSeconds { get; set; } = 25;

    /// <summary>The first pause after a failure (printer off, server unreachable); it doubles up to <see cref="MaxBackoffSeconds"/>.</summary>
    [Range(0.01, 600)]
    public double BackoffSeconds { get; set; } = 2;

    [Range(0.01, 3600)]
    public double MaxBackoffSeconds { get; set; } = 120;

    /// <summary>How long a TCP printer may take to accept the connection and the bytes.</summary>
    [Range(1, 600)]
    public int PrinterTimeoutSeconds { get; set; } = 30;

    /// <summary>How often the lease of a job being printed is renewed.</summary>
    [Range(1, 3600)]
    public int RenewSeconds { get; set; } = 30;

    /// <summary>
    /// The local journal (a file, fsync'd before and after each print): a job printed but not acknowledged when the agent
    /// was killed is acknowledged on restart instead of printed again. Relative paths are from the working directory;
    /// under systemd use the unit's StateDirectory (/var/lib/botplatform-agent/print.journal).
    /// </summary>
    [Required]
    public string JournalPath { get; set; } = "print.journal";

    public string LpCommand { get; set; } = "lp";
    public string GhostscriptCommand { get; set; } = "gs";

    public ScanStationOptions ScanStation { get; set; } = new();
}

public sealed class PrinterOptions
{
    [Required]
    public string Name { get; set; } = "";

    /// <summary>document or label.</summary>
    [RegularExpression("^(document|label)$")]
    public string Kind { get; set; } = "document";

    /// <summary>A raw TCP (JetDirect) printer: host:port, usually port 9100.</summary>
    public string? Address { get; set; }

    /// <summary>A CUPS queue, printed with lp -d QUEUE.</summary>
    public string? Queue { get; set; }

    /// <summary>
    /// What a raw TCP printer understands: pdf (sent as is), pcl or postscript (converted with Ghostscript), zpl (label
    /// printers). A CUPS queue converts by itself; a CUPS label queue gets ZPL raw when this is zpl, else a PDF label.
    /// </summary>
    [RegularExpression("^(pdf|pcl|postscript|zpl)$")]
    public string Language { get; set; } = "pdf";
}

/// <summary>A USB barcode scanner types a code and Enter: the scan station reads those lines and posts them to the server.</summary>
public sealed class ScanStationOptions
{
    public bool Enabled { get; set; }

    /// <summary>A file or device to read lines from (a named pipe, /dev/stdin); the terminal when empty.</summary>
    public string? Input { get; set; }

    /// <summary>The mode at start: out (envelopes leaving) or in (signed originals returning).</summary>
    [RegularExpression("^(out|in)$")]
    public string Mode { get; set; } = "out";
}
