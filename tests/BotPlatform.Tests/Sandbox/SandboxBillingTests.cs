using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Sandbox;

/// <summary>
/// The money loop in the sandbox: the demo's report of the month before last waits in the client's group; the visitor,
/// as the client's contact, approves it; the PM gets the invoice and the act; the accountant marks the invoice paid.
/// </summary>
[Collection(HostProcesses.Name)]
public sealed partial class SandboxBillingTests : SandboxProcessTests
{
    [Fact]
    public async Task A_visitor_approves_the_demo_report_as_the_client_and_the_accountant_marks_its_invoice_paid()
    {
        var group = (await Sandbox.StateAsync("k_novikova"))["state"]!["chats"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "group")!["id"]!.GetValue<long>();
        var accountantChat = (await Sandbox.StateAsync("n_lebedeva"))["state"]!["chat"]!["id"]!.GetValue<long>();
        var report = await Sandbox.WaitForMessageAsync("alina_romashka", m => SandboxClient.Text(m).StartsWith("📊 Отчёт о выполненных работах", StringComparison.Ordinal), group);

        using var page = await Sandbox.Http.GetAsync(Button(report, "📄 Открыть отчёт")["url"]!.GetValue<string>());
        var pressed = await Sandbox.PressAsync("alina_romashka", group, report["id"]!.GetValue<int>(), Button(report, "✅ Согласовать отчёт")["data"]!.GetValue<string>());
        var invoiced = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("🧾 Отчёт ОТЧ-", StringComparison.Ordinal));
        var invoice = InvoiceNumber().Match(SandboxClient.Text(invoiced)).Groups[1].Value;
        var approved = await Sandbox.WaitForMessageAsync("alina_romashka", m => SandboxClient.Text(m).Contains("✅ Отчёт согласован: Алина", StringComparison.Ordinal)
            && m["id"]!.GetValue<int>() == report["id"]!.GetValue<int>(), group);
        await Sandbox.SendAsync("n_lebedeva", accountantChat, "/paid " + invoice);
        var paid = await Sandbox.WaitForMessageAsync("n_lebedeva", m => SandboxClient.Text(m).StartsWith("💰 Оплата по счёту " + invoice, StringComparison.Ordinal));
        var pmPaid = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("✅ Отчёт ОТЧ-", StringComparison.Ordinal));
        var office = await Sandbox.WaitForMessageAsync("v_fedorova", m => SandboxClient.Text(m).StartsWith("📬 Счёт " + invoice, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("ОТЧ-", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains("ООО «Ромашка»", SandboxClient.Text(report) + SandboxClient.Text(office));
        Assert.Matches(@"^СЧ-\d{4}-\d{4}$", invoice);
        Assert.Contains("и акт А-", SandboxClient.Text(invoiced));
        Assert.DoesNotContain(approved["keyboard"]!.AsArray().SelectMany(r => r!.AsArray()), b => b!["text"]!.GetValue<string>() == "✅ Согласовать отчёт");
        Assert.Contains($"✅ Счёт {invoice} оплачен полностью", SandboxClient.Text(paid));
        Assert.Contains("оплачен, его задачи", SandboxClient.Text(paid));
        Assert.Contains($"счёт {invoice} закрыт", SandboxClient.Text(pmPaid));
    }

    private static JsonNode Button(JsonNode message, string text) =>
        message["keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).First(b => b!["text"]!.GetValue<string>() == text)!;

    [GeneratedRegex(@"счёт (\S+) на")]
    private static partial Regex InvoiceNumber();
}
