using System.ComponentModel.DataAnnotations;

namespace BotPlatform.PrintingAgent;

public sealed class PrintingAgentOptions
{
    public const string Section = "Agent";

    /// <summary>The BotPlatform server whose print queue this agent serves (its HTTPS base address).</summary>
    [Url]
    public string? ServerUrl { get; set; }

    /// <summary>Per-agent token issued by the server; set it with the Agent__Token environment variable.</summary>
    public string? Token { get; set; }

    [Range(1, 3600)]
    public int HeartbeatSeconds { get; set; } = 60;
}
