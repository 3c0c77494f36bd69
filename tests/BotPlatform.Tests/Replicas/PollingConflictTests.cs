using System.Collections.Concurrent;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BotPlatform.Tests.Replicas;

/// <summary>Long polling is for one host: a second poller gets Telegram's 409 and the host says what is wrong.</summary>
public sealed class PollingConflictTests
{
    [Fact]
    public async Task A_host_that_polls_while_another_polls_gets_409_and_logs_that_polling_is_for_one_host()
    {
        var logs = new CapturedLogs();
        await using var first = await BotHost.StartAsync(storage: StorageEngine.Postgres,
            services: services => services.AddSingleton<ILoggerProvider>(logs));
        await first.Tg.WaitUntilAsync(() => first.Tg.IsLongPolling, TimeSpan.FromSeconds(10));
        await using var second = first.StartReplica();

        await first.Tg.WaitUntilAsync(() => logs.Errors.Any(m => m.Contains("409 Conflict")), TimeSpan.FromSeconds(30));

        Assert.Contains(first.Tg.Requests, r => r.Method == "getUpdates" && r.StatusCode == 409);
        var error = logs.Errors.First(m => m.Contains("409 Conflict"));
        Assert.Contains("another host is polling this bot", error);
        Assert.Contains("with several replicas set Telegram:WebhookUrl", error);
    }

    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _errors = new();
        public IReadOnlyList<string> Errors => _errors.ToArray();
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Error) _errors.Enqueue(formatter(state, exception));
        }

        public void Dispose()
        {
        }
    }
}
