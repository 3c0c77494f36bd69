using System.Text;
using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

// The update queue and its two consumers: getUpdates (long polling) and webhook delivery.
public sealed partial class BotApiEngine
{
    private const string ConflictWithOtherPoll = "terminated by other getUpdates request; make sure that only one bot instance is running";

    // Telegram's default when allowed_updates was never given: everything but these.
    private static readonly string[] NotDeliveredByDefault = ["chat_member", "message_reaction", "message_reaction_count"];

    private readonly List<PendingUpdate> _updates = [];
    private long _nextUpdateId = 1;
    private HashSet<string>? _allowedUpdates;
    private LongPoll? _activePoll;
    private WebhookState? _webhook;
    private Task? _webhookWorker;
    private HttpClient? _webhookHttpClient;
    private HttpClient? _ownedHttpClient;

    /// <summary>
    /// The client that POSTs updates to the webhook URL; tests set it to an in-memory TestServer's
    /// client. Defaults to a plain HttpClient owned (and disposed) by the engine.
    /// </summary>
    public HttpClient WebhookHttpClient
    {
        get
        {
            lock (_gate)
            {
                return _webhookHttpClient ??= _ownedHttpClient = new HttpClient();
            }
        }
        set
        {
            lock (_gate)
            {
                _webhookHttpClient = value;
            }
        }
    }

    private IReadOnlyList<HttpClient>? _webhookReplicas;
    private int _nextReplica;

    /// <summary>
    /// Several replicas behind one webhook URL (a load balancer): when set, each update is POSTed to the
    /// next of these clients in turn instead of <see cref="WebhookHttpClient"/>.
    /// </summary>
    public IReadOnlyList<HttpClient>? WebhookReplicas
    {
        get
        {
            lock (_gate)
            {
                return _webhookReplicas;
            }
        }
        set
        {
            lock (_gate)
            {
                _webhookReplicas = value is { Count: > 0 } ? value.ToArray() : null;
            }
        }
    }

    /// <summary>How many updates each replica's client was given (index as in <see cref="WebhookReplicas"/>).</summary>
    public IReadOnlyList<int> WebhookDeliveriesByReplica
    {
        get
        {
            lock (_gate)
            {
                return _deliveriesByReplica.ToArray();
            }
        }
    }

    private readonly List<int> _deliveriesByReplica = [];

    private HttpClient NextWebhookClient()
    {
        lock (_gate)
        {
            if (_webhookReplicas is not { } replicas) return WebhookHttpClient;
            var index = _nextReplica++ % replicas.Count;
            while (_deliveriesByReplica.Count < replicas.Count) _deliveriesByReplica.Add(0);
            _deliveriesByReplica[index]++;
            return replicas[index];
        }
    }

    /// <summary>Updates not yet confirmed by getUpdates or delivered to the webhook.</summary>
    public int PendingUpdateCount
    {
        get
        {
            lock (_gate)
            {
                return _updates.Count;
            }
        }
    }

    /// <summary>True while a getUpdates call is waiting for updates.</summary>
    public bool IsLongPolling
    {
        get
        {
            lock (_gate)
            {
                return _activePoll is not null;
            }
        }
    }

    public string? WebhookUrl
    {
        get
        {
            lock (_gate)
            {
                return _webhook?.Url;
            }
        }
    }

    private void Enqueue(string kind, JsonObject payload)
    {
        var allowed = _allowedUpdates is null ? !NotDeliveredByDefault.Contains(kind) : _allowedUpdates.Contains(kind);
        if (!allowed)
        {
            return;
        }

        var id = _nextUpdateId++;
        _updates.Add(new PendingUpdate(id, new JsonObject { ["update_id"] = id, [kind] = payload }));
        Changed();
    }

    private void SetAllowedUpdates(BotApiArgs args)
    {
        if (args.Array("allowed_updates") is { } list)
        {
            _allowedUpdates = list.Count == 0 ? null : list.Select(n => n?.GetValue<string>() ?? "").ToHashSet();
        }
    }

    private async Task<JsonNode> GetUpdatesAsync(BotApiArgs args, CancellationToken cancellationToken)
    {
        var limit = (int)Math.Clamp(args.Long("limit") ?? 100, 1, 100);
        var timeout = TimeSpan.FromSeconds(Math.Max(0, args.Long("timeout") ?? 0));
        var poll = new LongPoll();
        lock (_gate)
        {
            if (_webhook is not null)
            {
                throw BotApiException.Conflict("can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
            }

            Confirm(args.Long("offset") ?? 0);
            SetAllowedUpdates(args);

            // As on Telegram, the newer request wins and the one it interrupts gets the conflict.
            if (_activePoll is { } previous)
            {
                previous.Terminated = true;
            }

            _activePoll = poll;
            Changed();
        }

        try
        {
            if (timeout > TimeSpan.Zero)
            {
                await WaitAsync(() => HasUpdatesFor(poll), timeout, cancellationToken);
            }

            lock (_gate)
            {
                if (poll.Terminated)
                {
                    throw BotApiException.Conflict(ConflictWithOtherPoll);
                }

                return new JsonArray(_updates.Take(limit).Select(u => (JsonNode)u.Json.DeepClone()).ToArray());
            }
        }
        finally
        {
            lock (_gate)
            {
                if (_activePoll == poll)
                {
                    _activePoll = null;
                    Changed();
                }
            }
        }
    }

    private bool HasUpdatesFor(LongPoll poll)
    {
        lock (_gate)
        {
            return poll.Terminated || _updates.Count > 0;
        }
    }

    /// <summary>Forgets confirmed updates: those below a positive offset, or all but the last -offset ones.</summary>
    private void Confirm(long offset)
    {
        var before = _updates.Count;
        if (offset > 0)
        {
            _updates.RemoveAll(u => u.UpdateId < offset);
        }
        else if (offset < 0)
        {
            _updates.RemoveRange(0, (int)Math.Max(0, _updates.Count + offset));
        }

        if (_updates.Count != before)
        {
            Changed();
        }
    }

    private JsonNode SetWebhook(BotApiArgs args)
    {
        var url = args.String("url") ?? "";
        if (url.Length == 0)
        {
            return DeleteWebhook(args);
        }

        // Telegram insists on HTTPS; the fake also takes http so that tests can use a local or in-memory server.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw BotApiException.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }

        var secret = args.String("secret_token");
        if (secret is not null && (secret.Length is 0 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            throw BotApiException.BadRequest("secret token contains unallowed characters");
        }

        var maxConnections = args.Long("max_connections") ?? 40;
        if (maxConnections is < 1 or > 100)
        {
            throw BotApiException.BadRequest("bad webhook: max_connections must be between 1 and 100");
        }

        if (args.Bool("drop_pending_updates"))
        {
            _updates.Clear();
        }

        SetAllowedUpdates(args);
        _webhook = new WebhookState(url, secret, (int)maxConnections);
        _webhookWorker ??= Task.Run(DeliverToWebhookAsync);
        Changed();
        return true;
    }

    private JsonNode DeleteWebhook(BotApiArgs args)
    {
        if (args.Bool("drop_pending_updates"))
        {
            _updates.Clear();
        }

        _webhook = null;
        Changed();
        return true;
    }

    private JsonObject WebhookInfo()
    {
        var info = new JsonObject
        {
            ["url"] = _webhook?.Url ?? "",
            ["has_custom_certificate"] = false,
            ["pending_update_count"] = _updates.Count,
        };
        if (_webhook is { } hook)
        {
            info["max_connections"] = hook.MaxConnections;
            if (hook.LastErrorDate is { } date)
            {
                info["last_error_date"] = date;
                info["last_error_message"] = hook.LastErrorMessage;
            }
        }

        if (_allowedUpdates is { } allowed)
        {
            info["allowed_updates"] = new JsonArray(allowed.Select(a => (JsonNode)a).ToArray());
        }

        return info;
    }

    /// <summary>
    /// Posts pending updates one at a time, in order, while a webhook is set. A non-2xx answer or a
    /// network error is recorded in getWebhookInfo and retried after a short, growing pause.
    /// </summary>
    private async Task DeliverToWebhookAsync()
    {
        var stopping = _stopping.Token;
        var failures = 0;
        try
        {
            while (true)
            {
                (WebhookState Hook, PendingUpdate Update)? next = null;
                await WaitAsync(
                    () =>
                    {
                        lock (_gate)
                        {
                            next = _webhook is { } hook && _updates.Count > 0 ? (hook, _updates[0]) : null;
                            return next is not null;
                        }
                    },
                    Timeout.InfiniteTimeSpan,
                    stopping);
                if (next is not { } work)
                {
                    continue;
                }

                var error = await PostUpdateAsync(work.Hook, work.Update, stopping);
                lock (_gate)
                {
                    if (error is null)
                    {
                        _updates.Remove(work.Update);
                        failures = 0;
                    }
                    else
                    {
                        work.Hook.LastErrorDate = UnixNow();
                        work.Hook.LastErrorMessage = error;
                        failures++;
                    }

                    Changed();
                }

                if (error is not null)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(failures, 6))), stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The engine is being disposed.
        }
    }

    private async Task<string?> PostUpdateAsync(WebhookState hook, PendingUpdate update, CancellationToken stopping)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url)
        {
            Content = new StringContent(update.Json.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (hook.SecretToken is { } secret)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            using var response = await NextWebhookClient().SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode
                ? null
                : $"Wrong response from the webhook: {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            return "Connection failed: " + e.Message;
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            return "Timeout expired";
        }
    }
}
