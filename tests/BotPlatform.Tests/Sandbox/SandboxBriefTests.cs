using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Sandbox;

/// <summary>The sandbox's PM sends PRJ-0001's brief and the demo client answers it in the group (no Google in the sandbox).</summary>
[Collection(HostProcesses.Name)]
public sealed class SandboxBriefTests : SandboxProcessTests
{
    [Fact]
    public async Task The_pm_sends_the_brief_from_the_project_card_and_the_client_answers_in_the_group()
    {
        var pmChat = (await Sandbox.StateAsync("k_novikova"))["state"]!["chat"]!["id"]!.GetValue<long>();
        var group = (await Sandbox.StateAsync("k_novikova"))["state"]!["chats"]!.AsArray().Single(c => c!["kind"]!.GetValue<string>() == "group")!["id"]!.GetValue<long>();

        await Sandbox.SendAsync("k_novikova", pmChat, "/project PRJ-0001");
        var card = await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("📁 Проект PRJ-0001", StringComparison.Ordinal), pmChat);
        var button = card["keyboard"]!.AsArray().SelectMany(r => r!.AsArray()).Single(b => b!["text"]!.GetValue<string>() == "📋 Отправить бриф")!;
        var pressed = await Sandbox.PressAsync("k_novikova", pmChat, card["id"]!.GetValue<int>(), button["data"]!.GetValue<string>());
        var answer = await pressed.Content.ReadFromJsonAsync<JsonObject>();
        var greeting = await Sandbox.WaitForMessageAsync("alina_romashka", m => SandboxClient.Text(m).StartsWith("Здравствуйте! Меня зовут Ксения Новикова", StringComparison.Ordinal), group);
        var first = await Sandbox.WaitForMessageAsync("alina_romashka", m => SandboxClient.Text(m).StartsWith("Вопрос 1 из 6", StringComparison.Ordinal), group);
        await Sandbox.SendAsync("alina_romashka", group, "Алина Соколова", first["id"]!.GetValue<int>());
        var second = await Sandbox.WaitForMessageAsync("alina_romashka", m => SandboxClient.Text(m).StartsWith("Вопрос 2 из 6", StringComparison.Ordinal), group);

        Assert.Equal("Бриф отправлен", answer?["text"]?.GetValue<string>());
        Assert.Contains("«Ромашка × Агентство: весенняя кампания» (вопросы в чате)",
            SandboxClient.Text(await Sandbox.WaitForMessageAsync("k_novikova", m => SandboxClient.Text(m).StartsWith("📋 Бриф по проекту PRJ-0001", StringComparison.Ordinal), pmChat)));
        Assert.EndsWith("С уважением, Ксения Новикова", SandboxClient.Text(greeting));
        Assert.Equal("Вопрос 2 из 6: По какому телефону с ним удобно связаться?", SandboxClient.Text(second));
    }
}
