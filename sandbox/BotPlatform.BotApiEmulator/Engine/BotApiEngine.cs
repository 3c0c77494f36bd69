using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace BotPlatform.Testing;

/// <summary>
/// The fake Telegram: chats, messages, files, updates and the Bot API semantics over them, without
/// any HTTP. <see cref="BotApiEndpoints.MapBotApi"/> puts it behind Telegram's URLs; a sandbox can
/// call <see cref="HandleAsync"/> directly. Thread-safe: one lock guards all state.
/// Message dates come from the TimeProvider; rates, latencies and long-poll timeouts use real time.
/// </summary>
public sealed partial class BotApiEngine : IAsyncDisposable
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(50);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly RequestValidator _validator;
    private readonly Dictionary<string, Func<BotApiArgs, JsonNode>> _methods;
    private readonly CancellationTokenSource _stopping = new();
    private TaskCompletionSource _changed = NewSignal();

    /// <param name="bot">The bot's name and username as getMe reports them; "Fake Bot" (@fake_bot) when omitted.</param>
    public BotApiEngine(string token, TimeProvider? time = null, (string Name, string Username)? bot = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        Token = token;
        _time = time ?? TimeProvider.System;
        _validator = new RequestValidator(Spec);
        _methods = MethodTable();
        var botId = long.TryParse(token.Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 1;
        Bot = new FakeUser(botId, bot?.Name ?? "Fake Bot", bot?.Username ?? "fake_bot", "en");
    }

    public string Token { get; }

    /// <summary>The bot's own user, as getMe returns it.</summary>
    public FakeUser Bot { get; }

    public BotApiSpec Spec => BotApiSpec.Instance;

    /// <summary>
    /// Answers one Bot API call: token, method, validation against the description, injected faults,
    /// then the method's semantics. Every call lands in <see cref="Requests"/>.
    /// </summary>
    public async Task<BotApiResponse> HandleAsync(string token, string method, BotApiRequest request, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            return Record(method, null, false, BotApiResponse.Error(401, "Unauthorized"));
        }

        if (!Spec.Methods.TryGetValue(method, out var spec) || (!_methods.ContainsKey(spec.Name) && spec.Name != "getUpdates"))
        {
            return Record(method, null, false, BotApiResponse.Error(404, "Not Found"));
        }

        long? chatId = null;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        try
        {
            var args = _validator.Validate(spec, request);
            chatId = args.Long("chat_id");
            if (TakeFault(spec.Name, chatId) is { } fault)
            {
                return Record(spec.Name, chatId, true, await ApplyFaultAsync(fault, linked.Token));
            }

            var result = spec.Name == "getUpdates" ? await GetUpdatesAsync(args, linked.Token) : Execute(spec.Name, args);
            return Record(spec.Name, chatId, false, BotApiResponse.Ok(result));
        }
        catch (BotApiException e)
        {
            return Record(spec.Name, chatId, e.Injected, BotApiResponse.Error(e.ErrorCode, e.Description, e.ResponseParameters));
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            return Record(spec.Name, chatId, false, BotApiResponse.ClientGone());
        }
    }

    private JsonNode Execute(string method, BotApiArgs args)
    {
        lock (_gate)
        {
            return _methods[method](args);
        }
    }

    private static async Task<BotApiResponse> ApplyFaultAsync(Fault fault, CancellationToken cancellationToken)
    {
        switch (fault)
        {
            case Fault.TooManyRequestsFault tooMany:
                return BotApiResponse.Error(
                    429,
                    $"Too Many Requests: retry after {tooMany.RetryAfterSeconds}",
                    new JsonObject { ["retry_after"] = tooMany.RetryAfterSeconds });
            case Fault.ForbiddenFault:
                return BotApiResponse.Error(403, "Forbidden: bot was blocked by the user");
            case Fault.TimeoutFault timeout:
                await Task.Delay(timeout.Delay, cancellationToken);
                return BotApiResponse.TimedOut();
            default:
                return BotApiResponse.Error(500, "Internal Server Error");
        }
    }

    /// <summary>The file a download URL (/file/bot&lt;token&gt;/&lt;file_path&gt;) points at.</summary>
    public FakeFile? FindDownload(string token, string filePath)
    {
        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            return null;
        }

        lock (_gate)
        {
            return _files.Values.FirstOrDefault(f => f.FilePath == filePath)?.ToFake();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        Task? worker;
        lock (_gate)
        {
            worker = _webhookWorker;
        }

        if (worker is not null)
        {
            await worker;
        }

        // _stopping stays undisposed: calls still in flight may link to its (cancelled) token.
        _ownedHttpClient?.Dispose();
    }

    private long UnixNow() => _time.GetUtcNow().ToUnixTimeSeconds();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Wakes everything waiting for state to change. Call under the lock after each change.</summary>
    private void Changed()
    {
        var signal = _changed;
        _changed = NewSignal();
        signal.TrySetResult();
    }

    /// <summary>
    /// Waits until the condition holds, re-checking it on every state change and every
    /// <see cref="WaitSlice"/> (conditions may look at state outside the engine). Real time.
    /// </summary>
    private async Task<bool> WaitAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = timeout == Timeout.InfiniteTimeSpan ? TimeSpan.MaxValue : _clock.Elapsed + timeout;
        while (true)
        {
            Task signal;
            lock (_gate)
            {
                signal = _changed.Task;
            }

            if (condition())
            {
                return true;
            }

            var remaining = deadline - _clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            await Task.WhenAny(signal, Task.Delay(remaining < WaitSlice ? remaining : WaitSlice, cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
