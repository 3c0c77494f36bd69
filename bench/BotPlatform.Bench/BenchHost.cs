using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
// The bench's own entry class is also called Program; the bot's is the global one.
using BotProgram = global::Program;

namespace BotPlatform.Bench;

/// <summary>
/// The real bot host (all of Program.cs) long-polling a fresh fake Bot API over HTTP, with the sample
/// organisation file, system time and its LiteDB file in a temp folder that is removed on dispose.
/// </summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly WebApplicationFactory<BotProgram> _root;
    private readonly WebApplicationFactory<BotProgram> _factory;
    private readonly string _dataFolder;

    private BenchHost(FakeTelegram telegram, WebApplicationFactory<BotProgram> root, WebApplicationFactory<BotProgram> factory, string dataFolder)
    {
        Telegram = telegram;
        _root = root;
        _factory = factory;
        _dataFolder = dataFolder;
    }

    public FakeTelegram Telegram { get; }
    public BotApiEngine Tg => Telegram.Engine;
    public IServiceProvider Services => _factory.Services;

    /// <summary>An HTTP handler into the host (the printing agents' API).</summary>
    public HttpMessageHandler CreateHandler() => _factory.Server.CreateHandler();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public static async Task<BenchHost> StartAsync(CancellationToken ct)
    {
        var telegram = await FakeTelegram.StartAsync();
        var data = Directory.CreateTempSubdirectory("botplatform-bench-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["Telegram:Token"] = telegram.Token,
            ["Telegram:BaseUrl"] = telegram.BaseUrl,
            ["Telegram:PollingTimeoutSeconds"] = "10",
            ["Telegram:RequestTimeoutSeconds"] = "10",
            ["Storage:DataFolder"] = data,
            ["Organisation:File"] = SampleFiles.Organisation(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var root = new WebApplicationFactory<BotProgram>();
        var factory = root.WithWebHostBuilder(builder =>
        {
            // The bot's appsettings.json is copied next to the bench, as in a published app. The factory's own
            // guess (MvcTestingAppManifest.json in the working directory) fails under dotnet run.
            builder.UseContentRoot(AppContext.BaseDirectory);
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        });
        var host = new BenchHost(telegram, root, factory, data);
        try
        {
            _ = factory.Services; // builds and starts the host
            await telegram.Engine.WaitUntilAsync(() => telegram.Engine.IsLongPolling, StartTimeout, ct);
            await SilenceUnknownAdminsAsync(host, ct);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Admins listed by telegram_id (a_belov, 418230577, in the sample file) have no chat in the fake. Their
    /// chats are marked unreachable, as after a 403, so that notices about newcomers are still produced and
    /// stored but then skipped, instead of each failing with 400 "chat not found" and an error log line.
    /// </summary>
    private static async Task SilenceUnknownAdminsAsync(BenchHost host, CancellationToken ct)
    {
        var chats = host.Get<IChatStore>();
        var now = host.Get<TimeProvider>().GetUtcNow();
        foreach (var admin in await host.Get<IPeopleStore>().WithRoleAsync(Role.Admin, ct))
        {
            if (admin.ChatId is not { } chatId) continue;
            await chats.SaveAsync(new ChatRecord
            {
                Id = chatId,
                UnreachableSince = now,
                UnreachableReason = ChatRecord.BlockedByUser,
            }, ct);
        }
    }

    /// <summary>Usernames of staff in the organisation file who have not written to the bot yet: /start links them.</summary>
    public async Task<IReadOnlyList<string>> UnlinkedStaffAsync(CancellationToken ct) =>
        (await Get<IPeopleStore>().ListAsync(ct))
        .Where(p => p.TelegramUserId is null && !string.IsNullOrEmpty(p.Username))
        .Select(p => p.Username ?? "")
        .ToList();

    public async ValueTask DisposeAsync()
    {
        await _root.DisposeAsync(); // stops the host: the factory derived from it goes with it
        await Telegram.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the stopping host; the OS temp cleaner takes it later.
        }
    }
}
