using System.Text;
using System.Text.Json;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;
using BotPlatform.Core.Projects.Archive;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace BotPlatform.Tests.Projects.Archive;

/// <summary>
/// The client's group archive: everything written in a linked group is kept with the project, edits as
/// versions, deletions in Telegram change nothing; the PM exports it as an HTML chat log.
/// </summary>
public sealed class GroupArchiveTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!;
    private FakeUser _designer = null!;
    private FakeUser _client = null!;
    private FakeChat _group = null!;

    public async Task InitializeAsync()
    {
        _host = await ProjectArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        _designer = await _host.JoinedAsync("Лена", "des_lena");
        _client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        await _host.ProjectAsync();
        _group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, _designer, _client);
        await _host.SaysInAsync(_pm, _group, "/link PRJ-0001");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_message_deleted_in_the_group_is_still_in_the_archive_with_edits_files_and_replies()
    {
        var hello = _host.Tg.SendText(_client, _group, "Добрый день! Пришлю бриф до пятницы.");
        var brief = _host.Tg.SendDocument(_client, _group, "бриф-ромашка.docx", Encoding.UTF8.GetBytes("brief"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Вот бриф");
        _host.Tg.SendPhoto(_client, _group, [0xFF, 0xD8, 0xFF], "Логотип");
        _host.Tg.Reply(_designer, _group, brief, "Спасибо, смотрю");
        var typo = _host.Tg.SendText(_client, _group, "Бюджет 50 000 в месяц");
        await _host.SettledAsync();
        _host.Tg.EditText(_client, typo, "Бюджет 70 000 в месяц");
        var oops = _host.Tg.SendText(_client, _group, "Пароль от Instagram: romashka2026");
        await _host.SettledAsync();
        await _host.SettledAsync();
        _host.Tg.DeleteMessage(_client, oops);

        var (file, html) = await _host.AsksForArchiveAsync(_pm);

        Assert.DoesNotContain(_host.Tg.Messages(_group), m => m.MessageId == oops.MessageId);
        Assert.StartsWith("PRJ-0001-archive-", file.Document!.FileName);
        Assert.EndsWith(".html", file.Document.FileName);
        // Six from the people, the PM's /link, and the bot's greeting that answered it.
        Assert.Equal("🗂 Архив переписки проекта PRJ-0001 «SMM декабрь»: сообщений — 8. Откройте файл в браузере.", file.Caption);
        Assert.NotNull(html);
        Assert.Contains("Пароль от Instagram: romashka2026", html);
        Assert.Contains("Бюджет 70 000 в месяц", html);
        Assert.Contains("<span class=\"old\">Бюджет 50 000 в месяц</span>", html);
        Assert.Contains("✏️ изменено", html);
        Assert.Contains("бриф-ромашка.docx", html);
        Assert.Contains("📎 фото", html);
        Assert.Contains($"<a href=\"#m{Math.Abs(_group.Id)}-{brief.MessageId}\">В ответ на Ирина</a>: Вот бриф", html);
        Assert.Contains("class=\"msg agency\"", html);
        Assert.Contains("class=\"msg client\"", html);
        Assert.Contains("class=\"msg bot\"", html);
        Assert.DoesNotContain("<script", html);
        Assert.True(html.IndexOf("Добрый день!", StringComparison.Ordinal) < html.IndexOf("Спасибо, смотрю", StringComparison.Ordinal));
        Assert.Single(await _host.Get<GroupArchive>().ConversationAsync((await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!, default),
            m => m.MessageId == hello.MessageId);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task An_update_handled_again_after_a_crash_stores_its_message_and_its_edit_once_and_a_restart_loses_nothing()
    {
        var message = _host.Tg.SendText(_client, _group, "Можно добавить сторис?");
        await _host.SettledAsync();
        _host.Tg.EditText(_client, message, "Можно добавить сторис и рилсы?");
        await _host.SettledAsync();
        var updates = (await _host.Get<IInboxStore>().PendingAsync(100, default)).Count;

        // The crash: both updates were handled but never marked done, so the dispatcher handles them again.
        foreach (var item in await InboxItemsAsync())
        {
            var update = JsonSerializer.Deserialize<Update>(item.Payload, JsonBotAPI.Options)!;
            if (update.Message?.Id != message.MessageId && update.EditedMessage?.Id != message.MessageId) continue;
            await using var scope = _host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<UpdateProcessor>().ProcessAsync(update, default);
        }
        await _host.RestartAsync();
        var stored = await _host.Get<IGroupArchiveStore>().GetAsync(_group.Id, message.MessageId, default);
        var (_, html) = await _host.AsksForArchiveAsync(_pm);

        Assert.Equal(0, updates);
        Assert.NotNull(stored);
        Assert.Equal(["Можно добавить сторис?", "Можно добавить сторис и рилсы?"], stored.Versions.Select(v => v.Text));
        Assert.Equal(1, CountOf(html!, "Можно добавить сторис и рилсы?"));
    }

    [Fact]
    public async Task A_group_migrated_to_a_supergroup_keeps_its_archive_in_order()
    {
        _host.Tg.SendText(_client, _group, "До перехода");
        await _host.SettledAsync();
        var supergroup = _host.Tg.MigrateToSupergroup(_group, _pm);
        await _host.Tg.WaitUntilAsync(() => _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default).Result!.GroupChatIds.SequenceEqual([supergroup.Id]));
        _host.Tg.SendText(_client, supergroup, "После перехода");
        await _host.SettledAsync();

        var (_, html) = await _host.AsksForArchiveAsync(_pm);

        var before = html!.IndexOf("До перехода", StringComparison.Ordinal);
        Assert.True(before >= 0);
        Assert.True(html.IndexOf("После перехода", StringComparison.Ordinal) > before);
    }

    [Fact]
    public async Task Someone_without_access_to_the_project_gets_no_archive()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        _host.Tg.SendText(_client, _group, "Секретные планы");
        await _host.SettledAsync();

        var refused = await _host.SaysAsync(olga, "/project PRJ-0001 archive");
        var designer = await _host.AsksForArchiveAsync(_designer);

        Assert.Equal("Архив переписки проекта PRJ-0001 доступен его руководителю проекта, исполнителям его задач, директору, операционному менеджеру и администратору.",
            refused.Text);
        Assert.DoesNotContain(_host.Tg.BotMessages(olga.PrivateChat), m => m.Document is not null);
        Assert.Contains("Секретные планы", designer.Html);
    }

    [Fact]
    public async Task Messages_of_a_group_linked_to_no_project_are_not_kept()
    {
        var other = _host.Tg.CreateGroup("Чужая группа", _client, _pm);
        var message = _host.Tg.SendText(_client, other, "Это не про проект");
        await _host.SettledAsync();

        Assert.Null(await _host.Get<IGroupArchiveStore>().GetAsync(other.Id, message.MessageId, default));
    }

    private async Task<IReadOnlyList<InboxItem>> InboxItemsAsync()
    {
        var inbox = _host.Get<IInboxStore>();
        var items = new List<InboxItem>();
        for (long id = 1; id < 200; id++)
            if (await inbox.GetAsync(id, default) is { } item) items.Add(item);
        return items;
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}

/// <summary>With privacy mode on the bot keeps what it is shown: commands, replies to it, and the messages a reply quotes.</summary>
public sealed class ArchivePrivacyModeTests
{
    [Fact]
    public async Task In_privacy_mode_the_archive_keeps_what_the_bot_sees_and_says_it_is_incomplete()
    {
        var (telegram, time) = await ProjectArrange.TelegramAsync();
        telegram.Engine.GroupPrivacyMode = true;
        await using var host = await ProjectArrange.StartAsync(telegram: telegram, time: time);
        var pm = await host.JoinedAsync("Катя", "pm_kate");
        var client = host.Tg.CreateUser("Ирина", "irina_romashka");
        await host.ProjectAsync();
        var group = host.Tg.CreateGroup("Ромашка", pm, client);
        await host.SaysInAsync(pm, group, "/link PRJ-0001");
        var unseen = host.Tg.SendText(client, group, "Обычное сообщение, бот его не видит");
        var request = host.Tg.SendText(client, group, "Поправьте, пожалуйста, шапку профиля");
        await host.SettledAsync();
        host.Tg.Reply(pm, group, request, "/task");
        await host.Tg.WaitForBotMessageAsync(group, m => m.Text?.StartsWith("📌", StringComparison.Ordinal) == true);

        var (_, html) = await host.AsksForArchiveAsync(pm);

        Assert.Null(await host.Get<IGroupArchiveStore>().GetAsync(group.Id, unseen.MessageId, default));
        Assert.Contains("Поправьте, пожалуйста, шапку профиля", html);
        Assert.Contains("известно только по цитате в ответе", html);
        Assert.Contains("У бота включён режим приватности", html);
        Assert.DoesNotContain("Обычное сообщение", html);
    }
}
