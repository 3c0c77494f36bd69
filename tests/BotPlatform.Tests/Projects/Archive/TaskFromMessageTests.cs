using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Projects.Archive;

/// <summary>/task as a reply to the client's message in the group: a task of the project, assigned to the PM, linked to the message.</summary>
public sealed class TaskFromMessageTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!;
    private FakeUser _designer = null!;
    private FakeUser _client = null!;
    private FakeChat _group = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _host = await ProjectArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        _designer = await _host.JoinedAsync("Лена", "des_lena");
        _client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        (_project, _) = await _host.ProjectAsync();
        _group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, _designer, _client);
        await _host.SaysInAsync(_pm, _group, "/link PRJ-0001");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_staff_reply_with_task_makes_a_task_for_the_pm_from_the_clients_message()
    {
        var request = _host.Tg.SendText(_client, _group, "Добавьте, пожалуйста, розыгрыш к Новому году\nПриз — набор косметики");
        _host.Tg.Reply(_designer, _group, request, "/task");

        var inGroup = await _host.Tg.WaitForBotMessageAsync(_group, m => m.Text?.StartsWith("📌", StringComparison.Ordinal) == true);
        var card = await _host.CardAsync(_pm.PrivateChat, "📌 Задача PRJ-0001 · 6.");
        var toPm = await _host.CardAsync(_pm.PrivateChat, "📌 Елена Дизайнова");
        var task = await _host.TaskAsync(_project.Id, 6);
        var (_, html) = await _host.AsksForArchiveAsync(_pm);

        Assert.Equal("📌 Записали: «Добавьте, пожалуйста, розыгрыш к Новому году». Екатерина Проектова возьмёт это в работу и сообщит о результате здесь.", inGroup.Text);
        Assert.Equal("📌 Елена Дизайнова поставил(а) задачу из сообщения клиента в группе: PRJ-0001#6 «Добавьте, пожалуйста, розыгрыш к Новому году».", toPm.Text);
        Assert.Contains("Просьба клиента (Ирина, ", card.Text);
        Assert.Contains("Приз — набор косметики", card.Text);
        Assert.Equal(ProjectTaskState.Ready, task.State);
        Assert.Equal(_project.PmId, task.ExecutorId);
        Assert.Equal(_project.PmId, task.AuditorId);
        Assert.Equal($"{_group.Id}:{request.MessageId}", task.SourceMessage);
        Assert.Contains("📌 задача PRJ-0001#6", html);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_same_message_makes_one_task_and_a_supergroup_message_gets_a_link_back()
    {
        var supergroup = _host.Tg.MigrateToSupergroup(_group, _pm);
        await _host.Tg.WaitUntilAsync(() => _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default).Result!.GroupChatIds.SequenceEqual([supergroup.Id]));
        var request = _host.Tg.SendText(_client, supergroup, "Нужен баннер для ВК");
        await _host.SettledAsync();
        _host.Tg.Reply(_pm, supergroup, request, "/task");
        await _host.Tg.WaitForBotMessageAsync(supergroup, m => m.Text?.StartsWith("📌", StringComparison.Ordinal) == true);

        _host.Tg.Reply(_pm, supergroup, request, "/task");
        var again = await _host.Tg.WaitForBotMessageAsync(supergroup, m => m.Text?.Contains("уже", StringComparison.Ordinal) == true);
        var task = await _host.TaskAsync(_project.Id, 6);

        Assert.Equal("Из этого сообщения уже поставлена задача PRJ-0001#6 «Нужен баннер для ВК».", again.Text);
        Assert.Equal(6, (await _host.Get<IProjectTaskStore>().ByProjectAsync(_project.Id, default)).Count);
        Assert.Contains($"https://t.me/c/{supergroup.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)[4..]}/{request.MessageId}", task.Instruction);
    }

    [Fact]
    public async Task Task_without_a_reply_or_from_the_client_or_on_the_bots_message_changes_nothing()
    {
        var request = _host.Tg.SendText(_client, _group, "Сделайте логотип крупнее");
        var noReply = await _host.SaysInAsync(_pm, _group, "/task");
        _host.Tg.Reply(_client, _group, request, "/task");
        var byClient = await _host.Tg.WaitForBotMessageAsync(_group, m => m.MessageId > noReply.MessageId);
        var greeting = _host.Tg.BotMessages(_group).First();
        _host.Tg.Reply(_pm, _group, greeting, "/task");
        var onBot = await _host.Tg.WaitForBotMessageAsync(_group, m => m.MessageId > byClient.MessageId);
        var inPrivate = await _host.SaysAsync(_pm, "/task");

        Assert.Equal("Ответьте командой /task на сообщение клиента — задача получит его текст и ссылку на него.", noReply.Text);
        Assert.DoesNotContain("📌", byClient.Text);
        Assert.Equal("Задачу ставят из сообщения клиента, а не бота.", onBot.Text);
        Assert.Equal("/task работает в группе клиента: ответьте ею на сообщение клиента.", inPrivate.Text);
        Assert.Equal(5, (await _host.Get<IProjectTaskStore>().ByProjectAsync(_project.Id, default)).Count);
    }
}
