using BotPlatform.Testing;

namespace BotPlatform.Bot.Sandbox;

/// <summary>
/// What outlives one run of the host: whether the visitor asked for a reset (Program then starts the
/// host again on fresh demo data) and the page's address, which the next run keeps.
/// </summary>
public sealed class SandboxSession
{
    private int _resetRequested;

    /// <summary>Where the first run listened (a port 0 resolved), so the page finds the sandbox again after a reset.</summary>
    public string? Address { get; internal set; }

    public bool ResetRequested => Volatile.Read(ref _resetRequested) == 1;

    internal void BeginRun() => Volatile.Write(ref _resetRequested, 0);

    /// <summary>Stops the host; Program builds it again with an empty sandbox database and a new emulator.</summary>
    public void RequestReset(IHostApplicationLifetime lifetime)
    {
        if (Interlocked.Exchange(ref _resetRequested, 1) == 0) lifetime.StopApplication();
    }
}

/// <summary>One run of the sandbox: the Bot API emulator on its own loopback port and the business clock.</summary>
public sealed class SandboxRun(SandboxSession session, FakeTelegram telegram, SandboxClock clock) : IAsyncDisposable
{
    /// <summary>Not a real token: the emulator answers to it, Telegram never sees it.</summary>
    public const string Token = "100500:SANDBOX";

    public static readonly (string Name, string Username) Bot = ("BotPlatform", "botplatform_sandbox_bot");

    /// <summary>Changes on every start and reset, so the page knows to start over.</summary>
    public string Generation { get; } = Guid.NewGuid().ToString("N")[..12];

    public FakeTelegram Telegram { get; } = telegram;

    public BotApiEngine Engine => Telegram.Engine;

    public SandboxClock Clock { get; } = clock;

    public SandboxSession Session { get; } = session;

    /// <summary>The demo client's group, made by <see cref="DemoSeeder"/>; the demo project is linked to it.</summary>
    public FakeChat? DemoGroup { get; internal set; }

    /// <summary>The demo client's people in that group (clients are not staff: they become the client's contacts).</summary>
    public IReadOnlyList<FakeUser> DemoContacts { get; internal set; } = [];

    public static async Task<SandboxRun> StartAsync(SandboxSession session)
    {
        session.BeginRun();
        var clock = new SandboxClock(TimeProvider.System);
        var telegram = await FakeTelegram.StartAsync(new BotApiEngine(Token, clock, Bot));
        return new SandboxRun(session, telegram, clock);
    }

    public ValueTask DisposeAsync() => Telegram.DisposeAsync();
}
