namespace BotPlatform.Tests.Support;

/// <summary>
/// The sandbox host in its own process as a visitor gets it: no token, Russian, a throwaway data folder and a dynamic
/// port, with a client for the page's API. The sandbox tests (API and browser) start one each.
/// </summary>
public sealed class SandboxProcess : IAsyncDisposable
{
    private readonly TestFolder _data;

    private SandboxProcess(TestFolder data, BotProcess host, string address)
    {
        _data = data;
        Host = host;
        Address = address;
        Client = new SandboxClient(address);
    }

    public BotProcess Host { get; }

    /// <summary>The sandbox page's address (http://127.0.0.1:port).</summary>
    public string Address { get; }

    public SandboxClient Client { get; }

    public static async Task<SandboxProcess> StartAsync()
    {
        var data = new TestFolder();
        var host = BotProcess.StartBuilt(new Dictionary<string, string>
        {
            ["Storage__DataFolder"] = data.Path, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["Bot__Language"] = "ru",
        });
        try
        {
            return new SandboxProcess(data, host, await host.SandboxAddressAsync());
        }
        catch
        {
            await host.DisposeAsync();
            data.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Host.DisposeAsync();
        _data.Dispose();
    }
}

/// <summary>A test class driving one sandbox process through the page's API (started before its test, stopped after).</summary>
public abstract class SandboxProcessTests : IAsyncLifetime
{
    private SandboxProcess? _process;

    protected SandboxProcess Process => _process ?? throw new InvalidOperationException("Started in InitializeAsync");

    protected SandboxClient Sandbox => Process.Client;

    public async Task InitializeAsync() => _process = await SandboxProcess.StartAsync();

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
    }
}
