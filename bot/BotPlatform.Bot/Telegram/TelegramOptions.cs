using System.ComponentModel.DataAnnotations;

namespace BotPlatform.Bot.Telegram;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>From BotFather; set it with the Telegram__Token environment variable, never in a file.</summary>
    [Required]
    public string Token { get; set; } = "";

    /// <summary>Bot API server; the official one unless a local Bot API server or a test fake is used.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Public HTTPS address of /telegram/webhook. When set, updates come by webhook instead of long polling.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Checked against the X-Telegram-Bot-Api-Secret-Token header of every webhook call.</summary>
    public string? WebhookSecret { get; set; }

    [Range(0, 50)]
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>Timeout of one send; a send that times out is retried with backoff.</summary>
    [Range(1, 300)]
    public int RequestTimeoutSeconds { get; set; } = 30;

    public bool UsesWebhook => !string.IsNullOrWhiteSpace(WebhookUrl);
}

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>How many times a failing update is tried before it is parked for admins.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How many chats are handled at the same time (each chat stays in order).</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 16;

    /// <summary>Off only for maintenance: updates are still received and stored, just not handled.</summary>
    public bool Dispatch { get; set; } = true;

    /// <summary>
    /// Several replicas (PostgreSQL): how long a host's claim on a chat lasts without renewal; a host
    /// that dies holding chats gives them up after this long. Renewed before each update it handles.
    /// </summary>
    [Range(1, 3600)]
    public int ClaimLeaseSeconds { get; set; } = 30;
}

public sealed record OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Telegram: about 30 messages per second to all chats.</summary>
    [Range(1, 1000)]
    public int GlobalPerSecond { get; set; } = 30;

    /// <summary>Private chats: on average one message per second, with bursts of this many.</summary>
    [Range(1, 20)]
    public int PrivateChatBurst { get; set; } = 3;

    /// <summary>Groups: at most this many messages per minute.</summary>
    [Range(1, 60)]
    public int GroupPerMinute { get; set; } = 20;

    /// <summary>Windows are stretched by this share so that network jitter never pushes Telegram over a limit.</summary>
    [Range(0, 1)]
    public double SafetyMargin { get; set; } = 0.05;

    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;

    /// <summary>5xx answers and timeouts are retried with exponential backoff this many times.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;
}
