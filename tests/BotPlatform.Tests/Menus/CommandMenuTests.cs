using System.Text.RegularExpressions;
using BotPlatform.Bot.Menus;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.People;
using BotPlatform.Testing;
using BotPlatform.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace BotPlatform.Tests.Menus;

public sealed class CommandMenuTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void Every_command_handler_has_one_catalogue_entry_and_every_entry_a_handler()
    {
        using var scope = _host.Services.CreateScope();
        var handled = scope.ServiceProvider.GetServices<ICommandHandler>().Select(h => h.Command).Order().ToArray();
        var catalogued = CommandCatalogue.All.Select(c => c.Name).Order().ToArray();

        Assert.Equal(handled, catalogued);
        Assert.All(CommandCatalogue.All, c =>
        {
            Assert.Matches(new Regex("^[a-z0-9_]{1,32}$"), c.Name);
            Assert.InRange(c.Description.Ru.Length, 1, 256);
            Assert.InRange(c.Description.En.Length, 1, 256);
        });
    }

    [Fact]
    public async Task Each_person_sees_the_commands_of_their_roles_in_their_private_chat()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var petr = await _host.JoinedAsync("Пётр", "lawyer_petr");
        var anna = await _host.JoinedAsync("Анна", "admin_anna");

        var employee = await MenuOfAsync(olga);
        var lawyer = await MenuOfAsync(petr);
        var admin = await MenuOfAsync(anna);

        Assert.Contains("pay", employee);
        Assert.Contains("deal", employee);
        Assert.DoesNotContain("template", employee);
        Assert.DoesNotContain("envelope", employee);
        Assert.DoesNotContain("invite", employee);
        Assert.DoesNotContain("start", employee);
        Assert.Contains("template", lawyer);
        Assert.Contains("envelope", lawyer);
        Assert.DoesNotContain("deal", lawyer);
        Assert.Contains("invite", admin);
        Assert.Contains("admin", admin);
        Assert.Equal("Заявка на оплату", _host.Tg.CommandsSeenBy(olga, olga.PrivateChat).Single(c => c.Command == "pay").Description);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Someone_the_bot_does_not_know_sees_the_default_menu_in_their_language()
    {
        var stranger = _host.Tg.CreateUser("Пётр", "petr_new");
        var english = _host.Tg.CreateUser("Peter", "peter_new", "en");
        // The shared menus are set in turn at start: the English one last.
        await _host.Tg.WaitUntilAsync(() => _host.Tg.MyCommands("all_group_chats", "en").Count > 0);

        var menu = _host.Tg.CommandsSeenBy(stranger, stranger.PrivateChat);
        var englishMenu = _host.Tg.CommandsSeenBy(english, english.PrivateChat);

        Assert.Equal(["start", "lang", "help"], menu.Select(c => c.Command));
        Assert.Equal("Начать работу с ботом", menu[0].Description);
        Assert.Equal("Start using the bot", englishMenu[0].Description);
    }

    [Fact]
    public async Task A_pending_newcomer_keeps_the_default_menu()
    {
        var stranger = _host.Tg.CreateUser("Пётр", "petr_new");

        await _host.SaysAsync(stranger, "/start");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(stranger, stranger.PrivateChat).Count > 0);

        Assert.Equal(["start", "lang", "help"], _host.Tg.CommandsSeenBy(stranger, stranger.PrivateChat).Select(c => c.Command));
    }

    [Fact]
    public async Task Choosing_a_language_sets_the_persons_menu_in_it()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        await MenuOfAsync(olga);

        await _host.SaysAsync(olga, "/lang en");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(olga, olga.PrivateChat).Any(c => c.Description == "Payment request"));

        Assert.Contains(_host.Tg.CommandsSeenBy(olga, olga.PrivateChat), c => c.Command == "whoami" && c.Description.StartsWith("Who am I", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_group_shows_its_short_menu_to_staff_and_clients()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var client = _host.Tg.CreateUser("Клиент", "client_ivan");
        var group = _host.Tg.CreateGroup("Ромашка — проект", olga, client);
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(client, group).Count > 0);

        var clientMenu = _host.Tg.CommandsSeenBy(client, group);
        var staffMenu = _host.Tg.CommandsSeenBy(olga, group);
        var help = await _host.SaysInAsync(client, group, "/help");

        Assert.Equal(["help"], clientMenu.Select(c => c.Command));
        Assert.Equal("Что бот умеет в этом чате", clientMenu[0].Description);
        Assert.Equal(clientMenu, staffMenu);
        Assert.StartsWith("Команды в этом чате:", help.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/pay", help.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_persons_commands_in_sections()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var anna = await _host.JoinedAsync("Анна", "admin_anna");

        var employee = await _host.SaysAsync(olga, "/help");
        var admin = await _host.SaysAsync(anna, "/help");

        Assert.Contains("Заявки\n/pay — Заявка на оплату\n/contract — Согласовать договор", employee.Text, StringComparison.Ordinal);
        Assert.Contains("Клиенты и сделки\n/client — ", employee.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/template", employee.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Администрирование", employee.Text, StringComparison.Ordinal);
        Assert.Contains("Администрирование\n/invite — ", admin.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_role_changed_while_the_host_was_down_reaches_the_menu_at_the_next_start()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        Assert.DoesNotContain("template", await MenuOfAsync(olga));
        var people = _host.Get<IPeopleStore>();
        var person = await people.FindByTelegramIdAsync(olga.Id, default);
        await people.ChangeAsync(person!.Id, p =>
        {
            p.Roles.Add(Role.Lawyer);
            return true;
        }, default);

        await _host.RestartAsync();
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(olga, olga.PrivateChat).Any(c => c.Command == "template"));

        Assert.Contains(_host.Tg.CommandsSeenBy(olga, olga.PrivateChat), c => c.Command == "envelope");
    }

    private async Task<IReadOnlyList<string>> MenuOfAsync(FakeUser user)
    {
        await _host.Tg.WaitUntilAsync(() => _host.Tg.CommandsSeenBy(user, user.PrivateChat).Any(c => c.Command == "whoami"));
        return _host.Tg.CommandsSeenBy(user, user.PrivateChat).Select(c => c.Command).ToArray();
    }
}
