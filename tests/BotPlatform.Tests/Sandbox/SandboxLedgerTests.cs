using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Sandbox;

/// <summary>The money demo in the sandbox: the director's /pnl shows the demo projects' income, expenses, an upsell and the office rent.</summary>
[Collection(HostProcesses.Name)]
public sealed class SandboxLedgerTests : IAsyncLifetime
{
    private readonly TestFolder _data = new();
    private BotProcess? _host;
    private SandboxClient? _client;

    private SandboxClient Sandbox => _client ?? throw new InvalidOperationException("Started in InitializeAsync");

    public async Task InitializeAsync()
    {
        _host = BotProcess.StartBuilt(new Dictionary<string, string>
        {
            ["Storage__DataFolder"] = _data.Path, ["ASPNETCORE_URLS"] = "http://127.0.0.1:0", ["Bot__Language"] = "ru",
        });
        _client = new SandboxClient(await _host.SandboxAddressAsync());
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task The_director_sees_the_demo_profit_and_loss_with_its_workbook()
    {
        const string director = "s_volkov";
        var chat = (await Sandbox.StateAsync(director))["state"]!["chat"]!["id"]!.GetValue<long>();

        await Sandbox.SendAsync(director, chat, "/pnl");
        var pnl = await Sandbox.WaitForMessageAsync(director, m => SandboxClient.Text(m).StartsWith("📊 Прибыли и убытки", StringComparison.Ordinal));

        var text = SandboxClient.Text(pnl);
        Assert.Contains("Доход: 170\u00A0000,00\u00A0₽ · расходы: 73\u00A0500,00\u00A0₽ · прибыль: 96\u00A0500,00\u00A0₽", text);
        Assert.Contains("Без проекта\nДоход: 0,00\u00A0₽ · расходы: 30\u00A0000,00\u00A0₽", text);
        // PRJ-0001 has a second deal of the client linked as an upsell.
        Assert.Matches(@"^PRJ-0001[^\n]*\nПродажа: [^\n]+ · допродажи: [1-9]", text[text.IndexOf("PRJ-0001", StringComparison.Ordinal)..]);
    }
}
