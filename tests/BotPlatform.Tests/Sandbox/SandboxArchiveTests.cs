using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Sandbox;

/// <summary>The archive demo: the demo client's group holds a few messages (one deleted in the chat) and the PM exports them.</summary>
[Collection(HostProcesses.Name)]
public sealed class SandboxArchiveTests : SandboxProcessTests
{
    [Fact]
    public async Task The_pm_exports_the_demo_groups_archive_with_the_message_deleted_in_the_chat()
    {
        const string pm = "k_novikova";
        var chat = (await Sandbox.StateAsync(pm))["state"]!["chat"]!["id"]!.GetValue<long>();
        // The demo's group messages are handled beside the PM's chat: ask again until the last of them is in the archive.
        var html = "";
        var after = 0;
        for (var attempt = 0; attempt < 10 && !html.Contains("пароль пришлю в личку", StringComparison.Ordinal); attempt++)
        {
            await Sandbox.SendAsync(pm, chat, "/project PRJ-0001 archive");
            var seen = after;
            var file = await Sandbox.WaitForMessageAsync(pm, m => m["id"]!.GetValue<int>() > seen && m["document"] is { } d
                && d["name"]!.GetValue<string>().StartsWith("PRJ-0001-archive-", StringComparison.Ordinal));
            after = file["id"]!.GetValue<int>();
            html = await Sandbox.Http.GetStringAsync(file["document"]!["url"]!.GetValue<string>());
        }

        Assert.Contains("Присылаю логотип и фирменные цвета", html);
        Assert.Contains("Ромашка — логотип и цвета.pdf", html);
        Assert.Contains("Бюджет на таргет — 40 000 ₽ в месяц", html);
        Assert.Contains("<span class=\"old\">Бюджет на таргет — 30 000 ₽ в месяц</span>", html);
        Assert.Contains("Пароль от рекламного кабинета", html);
    }
}
