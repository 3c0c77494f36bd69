using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Sandbox;

/// <summary>The mail demo in the sandbox: the office manager scans the demo's printed papers, reads the register, sees the agent.</summary>
[Collection(HostProcesses.Name)]
public sealed class SandboxMailTests : SandboxProcessTests
{
    private static string Year => TimeProvider.System.GetUtcNow().Year.ToString();

    [Fact]
    public async Task The_office_manager_sees_the_demo_agent_scans_the_printed_contract_out_and_reads_the_register()
    {
        const string office = "v_fedorova";
        var chat = (await Sandbox.StateAsync(office))["state"]!["chat"]!["id"]!.GetValue<long>();
        var contract = $"Д-{Year}-0001";

        await Sandbox.SendAsync(office, chat, "/agent");
        var agents = await Sandbox.WaitForMessageAsync(office, m => SandboxClient.Text(m).StartsWith("🖨 Агенты", StringComparison.Ordinal));
        await Sandbox.SendAsync(office, chat, "/scan out " + contract);
        var scanned = await Sandbox.WaitForMessageAsync(office, m => SandboxClient.Text(m).Contains("🏷", StringComparison.Ordinal));
        await Sandbox.SendAsync(office, chat, "/mail");
        var register = await Sandbox.WaitForMessageAsync(office, m => SandboxClient.Text(m).StartsWith("📬", StringComparison.Ordinal));
        await Sandbox.SendAsync(office, chat, "/unreturned");
        var unreturned = await Sandbox.WaitForMessageAsync(office, m => SandboxClient.Text(m).StartsWith("📮", StringComparison.Ordinal));

        Assert.Contains("office-demo", SandboxClient.Text(agents));
        Assert.Contains("Zebra ZD421 (наклейки): ready", SandboxClient.Text(agents));
        Assert.Contains($"✅ Договор оказания услуг {contract} — отправлен (ООО «Василёк»)", SandboxClient.Text(scanned));
        Assert.Contains(contract, SandboxClient.Text(register));
        Assert.Contains(contract, SandboxClient.Text(unreturned));
    }

    [Fact]
    public async Task The_mail_demos_deal_shows_its_history_of_generation_and_printing_by_the_demo_agent()
    {
        const string office = "v_fedorova";
        var chat = (await Sandbox.StateAsync(office))["state"]!["chat"]!["id"]!.GetValue<long>();

        await Sandbox.SendAsync(office, chat, "/client 7707083893");
        var client = await Sandbox.WaitForMessageAsync(office, m => SandboxClient.Text(m).StartsWith("🏢", StringComparison.Ordinal));
        var deal = System.Text.RegularExpressions.Regex.Match(SandboxClient.Text(client), @"СДЛ-\d{4}-\d{4}").Value;
        await Sandbox.SendAsync(office, chat, "/deal " + deal);
        var card = await Sandbox.WaitForMessageAsync(office, m => SandboxClient.Text(m).StartsWith("🤝", StringComparison.Ordinal));
        await Sandbox.SendAsync(office, chat, $"/deal {deal} history");
        var history = await Sandbox.WaitForMessageAsync(office, m => SandboxClient.Text(m).StartsWith("📜", StringComparison.Ordinal));

        Assert.NotEqual("", deal);
        Assert.Contains("📜 История", SandboxClient.Text(card));
        Assert.Contains($"Договор оказания услуг Д-{Year}-0001 — напечатан", SandboxClient.Text(card));
        Assert.Contains("(агент office-demo)", SandboxClient.Text(card));
        Assert.Contains("🤝 Сделка создана (Елена Смирнова)", SandboxClient.Text(history));
        Assert.Contains($"📄 Договор оказания услуг Д-{Year}-0001 — сформирован, версия 1 (Елена Смирнова)", SandboxClient.Text(history));
    }
}
