using BotPlatform.Core.Documents;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Projects;

/// <summary>The client's group linked to a project: /link and the startgroup link, contacts, migration, privacy mode.</summary>
public sealed class GroupLinkTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!;
    private FakeUser _client = null!;
    private FakeUser _clientBoss = null!;
    private Project _project = null!;

    public async Task InitializeAsync()
    {
        _host = await ProjectArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        _client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        _clientBoss = _host.Tg.CreateUser("Борис", null);
        (_project, _) = await _host.ProjectAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<Project> ProjectAsync(string number = "PRJ-0001") =>
        (await _host.Get<IProjectStore>().FindByNumberAsync(number, default))!;

    private async Task<FakeMessage> InGroupAsync(FakeUser user, FakeChat group, string text, Func<FakeMessage, bool>? answer = null)
    {
        _host.Tg.SendText(user, group, text);
        return await _host.Tg.WaitForBotMessageAsync(group, answer);
    }

    [Fact]
    public async Task The_pm_links_the_group_the_client_is_greeted_and_people_who_are_not_staff_become_contacts()
    {
        var designer = await _host.JoinedAsync("Лена", "des_lena");
        var group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, _client, _clientBoss, designer);

        var greeting = await InGroupAsync(_pm, group, "/link PRJ-0001");
        var notice = await _host.Tg.WaitForBotMessageAsync(_pm.PrivateChat, m => m.Text?.StartsWith("🔗", StringComparison.Ordinal) == true);
        _host.Tg.SendText(_client, group, "Здравствуйте! Рады начать.");
        _host.Tg.SendText(_clientBoss, group, "Добрый день");
        _host.Tg.SendText(designer, group, "Привет, я дизайнер");
        await _host.IdleAsync();
        var card = await _host.SaysAsync(_pm, "/project PRJ-0001");

        Assert.Equal("Здравствуйте! Этот чат теперь связан с проектом «SMM декабрь». Здесь мы будем сообщать о начале и завершении работ и присылать результаты на согласование.",
            greeting.Text);
        Assert.Equal("🔗 Группа «Ромашка × Агентство» привязана к проекту PRJ-0001.", notice.Text);
        Assert.Equal([group.Id], (await ProjectAsync()).GroupChatIds);
        var client = (await _host.Get<IClientStore>().GetAsync(_project.ClientId, default))!;
        Assert.Equal([("Ирина", "irina_romashka", _project.Id), ("Борис", (string?)null, _project.Id)],
            client.Contacts.Select(c => (c.Name, c.Username, c.ProjectIds.Single())));
        Assert.Contains("Группа клиента: Ромашка × Агентство", card.Text);
        Assert.DoesNotContain(_host.Tg.BotMessages(_pm.PrivateChat), m => m.Text?.StartsWith("⚠️", StringComparison.Ordinal) == true);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Someone_who_is_not_the_projects_pm_cannot_link_a_group()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var group = _host.Tg.CreateGroup("Чужая группа", olga, _client);

        var byStaff = await InGroupAsync(olga, group, "/link PRJ-0001");
        var byClient = await InGroupAsync(_client, group, "/link PRJ-0001", m => m.MessageId > byStaff.MessageId);

        Assert.Equal("Привязать группу к проекту может только его руководитель проекта.", byStaff.Text);
        Assert.DoesNotContain("PRJ-0001", byClient.Text);
        Assert.Empty((await ProjectAsync()).GroupChatIds);
    }

    [Fact]
    public async Task The_startgroup_link_links_and_one_group_holds_several_projects_of_one_client_but_not_another_clients()
    {
        var (second, _) = await _host.ProjectAsync(await _host.Get<IClientStore>().GetAsync(_project.ClientId, default));
        var other = ClientSamples.Romashka();
        other.Inn = "7736207543";
        other.LegalName = "ООО «Другая»";
        var (foreign, _) = await _host.ProjectAsync(await _host.ClientAsync(other));
        var group = _host.Tg.CreateGroup("Ромашка", _pm, _client);

        await InGroupAsync(_pm, group, "/start PRJ-0001");
        var again = await InGroupAsync(_pm, group, "/link PRJ-0001", m => m.Text?.Contains("уже", StringComparison.Ordinal) == true);
        await InGroupAsync(_pm, group, "/link " + second.Number, m => m.Text?.Contains("«SMM декабрь»", StringComparison.Ordinal) == true);
        var refused = await InGroupAsync(_pm, group, "/link " + foreign.Number, m => m.Text?.Contains("другого клиента", StringComparison.Ordinal) == true);

        Assert.Equal("Группа «Ромашка» уже привязана к проекту PRJ-0001.", again.Text);
        Assert.Equal("Эта группа уже привязана к проекту другого клиента (PRJ-0001). В одной группе — проекты одного клиента.", refused.Text);
        Assert.Equal([group.Id], (await ProjectAsync()).GroupChatIds);
        Assert.Equal([group.Id], (await ProjectAsync(second.Number)).GroupChatIds);
        Assert.Empty((await ProjectAsync(foreign.Number)).GroupChatIds);
    }

    [Fact]
    public async Task A_group_migrated_to_a_supergroup_keeps_its_project()
    {
        var group = _host.Tg.CreateGroup("Ромашка", _pm, _client);
        await InGroupAsync(_pm, group, "/link PRJ-0001");

        var supergroup = _host.Tg.MigrateToSupergroup(group, _pm);
        await _host.Tg.WaitUntilAsync(() => ProjectAsync().Result.GroupChatIds.SequenceEqual([supergroup.Id]));
        var greeting = await InGroupAsync(_pm, supergroup, "/link PRJ-0001");

        Assert.Equal("Группа «Ромашка» уже привязана к проекту PRJ-0001.", greeting.Text);
        Assert.Contains(ProjectActions.GroupMoved, (await ProjectAsync()).History.Select(h => h.Action));
    }
}

/// <summary>With privacy mode on the bot sees only commands in groups: the PM is told how to turn it off.</summary>
public sealed class PrivacyModeTests
{
    [Fact]
    public async Task Linking_with_privacy_mode_on_tells_the_pm_how_to_turn_it_off()
    {
        var (telegram, time) = await ProjectArrange.TelegramAsync();
        telegram.Engine.GroupPrivacyMode = true;
        await using var host = await ProjectArrange.StartAsync(telegram: telegram, time: time);
        var pm = await host.JoinedAsync("Катя", "pm_kate");
        await host.ProjectAsync();
        var group = host.Tg.CreateGroup("Ромашка", pm);

        host.Tg.SendText(pm, group, "/link PRJ-0001");
        var warning = await host.Tg.WaitForBotMessageAsync(pm.PrivateChat, m => m.Text?.StartsWith("⚠️", StringComparison.Ordinal) == true);

        Assert.Contains("@BotFather → /mybots → бот → Bot Settings → Group Privacy → Turn off", warning.Text);
        Assert.NotEmpty((await host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!.GroupChatIds);
    }
}
