using global::Telegram.Bot;
using global::Telegram.Bot.Types;
using Microsoft.Extensions.Options;

namespace BotPlatform.Bot.Telegram;

/// <summary>
/// Two clients of one bot: the long-polling one needs a long HTTP timeout, the sending one a short one.
/// Telegram.Bot's own 429 sleep is off (RetryThreshold = 0): the outbox sender owns pacing.
/// </summary>
public sealed class TelegramClients(IHttpClientFactory http, IOptions<TelegramOptions> options)
{
    private readonly Lazy<ITelegramBotClient> _polling = new(() => Create(http, options.Value,
        TimeSpan.FromSeconds(options.Value.PollingTimeoutSeconds + 30)));
    private readonly Lazy<ITelegramBotClient> _sending = new(() => Create(http, options.Value,
        TimeSpan.FromSeconds(options.Value.RequestTimeoutSeconds)));
    private User? _me;

    public ITelegramBotClient Polling => _polling.Value;
    public ITelegramBotClient Sending => _sending.Value;

    /// <summary>The bot's own user (getMe), cached after the first successful call.</summary>
    public async Task<User> MeAsync(CancellationToken ct) => _me ??= await Sending.GetMe(ct);

    private static TelegramBotClient Create(IHttpClientFactory http, TelegramOptions o, TimeSpan timeout)
    {
        var client = http.CreateClient("telegram");
        client.Timeout = timeout;
        var botOptions = new TelegramBotClientOptions(o.Token, string.IsNullOrWhiteSpace(o.BaseUrl) ? null : o.BaseUrl)
        {
            RetryThreshold = 0,
        };
        return new TelegramBotClient(botOptions, client);
    }
}
