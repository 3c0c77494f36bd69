using BotPlatform.Core.People;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.People;

public sealed class RegistrationTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Start_links_a_listed_person_by_username()
    {
        var olga = _host.Tg.CreateUser("Ольга", "emp_olga");

        var answer = await _host.SaysAsync(olga, "/start");

        Assert.Contains("Здравствуйте, Ольга Сотрудникова!", answer.Text);
        Assert.Contains("Тестовое агентство", answer.Text);
        Assert.Contains("сотрудник", answer.Text);
        var person = await _host.Get<IPeopleStore>().FindByUsernameAsync("emp_olga", default);
        Assert.Equal(olga.Id, person!.TelegramUserId);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Start_again_welcomes_back_without_changing_anything()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");

        var answer = await _host.SaysAsync(olga, "/start");

        Assert.StartsWith("С возвращением, Ольга Сотрудникова", answer.Text);
        Assert.Single(await _host.Get<IPeopleStore>().ListAsync(default), p => p.TelegramUserId == olga.Id);
    }

    [Fact]
    public async Task A_stranger_waits_for_an_admin_and_the_admins_are_told()
    {
        var anna = await _host.JoinedAsync("Анна", "admin_anna");
        var stranger = _host.Tg.CreateUser("Пётр", "petr_new");

        var answer = await _host.SaysAsync(stranger, "/start");
        var toAdmin = await _host.Tg.WaitForBotMessageAsync(anna.PrivateChat, m => m.Text!.Contains("Пётр"));

        Assert.Contains("нет в списке сотрудников", answer.Text);
        Assert.Contains("Новый человек ждёт доступа: Пётр (@petr_new)", toAdmin.Text);
        Assert.Contains("/invite", toAdmin.Text);
        var whoami = await _host.SaysAsync(stranger, "/whoami");
        Assert.Contains("ещё не подтверждён", whoami.Text);
    }

    [Fact]
    public async Task Someone_who_never_started_is_asked_to_start_first()
    {
        var stranger = _host.Tg.CreateUser("Пётр", "petr_new");

        var answer = await _host.SaysAsync(stranger, "/whoami");

        Assert.Equal("Сначала нажмите /start.", answer.Text);
    }

    [Fact]
    public async Task An_invite_link_grants_its_role_and_department_once()
    {
        var anna = await _host.JoinedAsync("Анна", "admin_anna");
        var invite = await _host.SaysAsync(anna, "/invite accountant finance");
        var link = invite.Text!.Split('\n').Last();
        var me = await _host.Tg.WaitForBotMessageAsync(anna.PrivateChat, m => m.MessageId == invite.MessageId);
        Assert.Matches(@"^https://t\.me/\w+\?start=[A-Za-z0-9_-]{20,64}$", link);
        Assert.Contains("бухгалтер", me.Text);
        var code = link[(link.IndexOf("start=", StringComparison.Ordinal) + 6)..];
        var newcomer = _host.Tg.CreateUser("Вера", "vera_acc");

        var joined = await _host.SaysAsync(newcomer, "/start " + code);
        var whoami = await _host.SaysAsync(newcomer, "/whoami");
        var second = _host.Tg.CreateUser("Глеб", "gleb");
        var refused = await _host.SaysAsync(second, "/start " + code, m => m.Text!.Contains("уже использовано"));

        Assert.Contains("Приглашение принято, ваша роль: бухгалтер", joined.Text);
        Assert.Contains("Отдел: Финансы", whoami.Text);
        Assert.Contains("Роли: бухгалтер", whoami.Text);
        Assert.Contains("Это приглашение уже использовано", refused.Text);
        var gleb = await _host.Get<IPeopleStore>().FindByTelegramIdAsync(second.Id, default);
        Assert.Equal(PersonStatus.Pending, gleb!.Status);
        await _host.Tg.WaitForBotMessageAsync(anna.PrivateChat, m => m.Text!.Contains("Вера присоединился по приглашению: бухгалтер"));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Only_admins_invite()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");

        var answer = await _host.SaysAsync(olga, "/invite accountant");

        Assert.Equal("Эта команда доступна только администраторам.", answer.Text);
    }

    [Theory]
    [InlineData("/invite", "Использование: /invite РОЛЬ [ОТДЕЛ]")]
    [InlineData("/invite acountant", "Неизвестная роль «acountant». Роли: admin, ops_manager")]
    [InlineData("/invite accountant marketing", "Неизвестный отдел «marketing». Отделы: sales, finance")]
    public async Task A_wrong_invite_gets_a_clear_answer(string command, string expected)
    {
        var anna = await _host.JoinedAsync("Анна", "admin_anna");

        var answer = await _host.SaysAsync(anna, command);

        Assert.StartsWith(expected, answer.Text);
    }

    [Fact]
    public async Task An_unknown_invite_code_leaves_the_person_waiting()
    {
        var stranger = _host.Tg.CreateUser("Пётр", "petr_new");

        var answer = await _host.SaysAsync(stranger, "/start forged-code-123", m => m.Text!.Contains("не найдено"));

        Assert.Equal("Приглашение не найдено. Попросите администратора прислать новое.", answer.Text);
        Assert.Equal(PersonStatus.Pending, (await _host.Get<IPeopleStore>().FindByTelegramIdAsync(stranger.Id, default))!.Status);
    }

    [Fact]
    public async Task Whoami_shows_name_department_roles_and_language()
    {
        var anna = await _host.JoinedAsync("Анна", "admin_anna");

        var answer = await _host.SaysAsync(anna, "/whoami");

        Assert.Equal("Имя: Анна Админова\nОтдел: Финансы\nРоли: администратор, операционный менеджер\nЯзык: русский", answer.Text);
    }

    [Fact]
    public async Task Lang_switches_the_language_of_every_later_reply()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");

        var switched = await _host.SaysAsync(olga, "/lang en");
        var whoami = await _host.SaysAsync(olga, "/whoami");
        var back = await _host.SaysAsync(olga, "/lang ru");

        Assert.Equal("Done: I will write to you in English now.", switched.Text);
        Assert.StartsWith("Name: Ольга Сотрудникова\nDepartment: Отдел продаж\nRoles: employee\nLanguage: English", whoami.Text);
        Assert.Equal("Готово: теперь я пишу вам по-русски.", back.Text);
    }

    [Fact]
    public async Task Lang_buttons_switch_the_language_and_the_card_shows_the_outcome()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var menu = await _host.SaysAsync(olga, "/lang");

        var answer = await _host.PressesAsync(olga, menu, "English");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(menu) == "Done: I will write to you in English now.");
        var help = await _host.SaysAsync(olga, "/help");

        Assert.Equal("Done: I will write to you in English now.", answer.Text);
        Assert.Empty(_host.Tg.Message(olga.PrivateChat, menu.MessageId).Buttons);
        Assert.StartsWith("Commands:", help.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_wrong_language_is_refused_with_the_choices()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");

        var answer = await _host.SaysAsync(olga, "/lang de");

        Assert.Equal("Выберите язык: /lang ru или /lang en", answer.Text);
    }

    [Fact]
    public async Task An_english_telegram_user_gets_english_from_the_first_message()
    {
        var stranger = _host.Tg.CreateUser("Tom", "tom_x", "en-US");

        var answer = await _host.SaysAsync(stranger, "/start");

        Assert.StartsWith("Hello, Tom! You are not on the staff list yet.", answer.Text);
    }

    [Fact]
    public async Task The_language_in_the_organisation_file_wins_over_telegram()
    {
        var john = _host.Tg.CreateUser("John", "eng_john", "ru");

        var answer = await _host.SaysAsync(john, "/start");

        Assert.StartsWith("Hello, John Smith! You are part of Тестовое агентство: employee.", answer.Text);
    }

    [Fact]
    public async Task Unknown_commands_and_text_point_to_help()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");

        var unknown = await _host.SaysAsync(olga, "/frobnicate");
        var text = await _host.SaysAsync(olga, "привет");

        Assert.Equal("Не знаю такой команды. Список команд — /help.", unknown.Text);
        Assert.Equal("Не понял сообщение. Список команд — /help.", text.Text);
    }

    [Fact]
    public async Task Forged_callback_data_is_refused_without_changing_anything()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var menu = await _host.SaysAsync(olga, "/lang");

        var forged = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(olga, menu, "lang:de"));
        var unknown = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(olga, menu, "zzz:1"));

        Assert.Equal("Эта кнопка устарела.", forged.Text);
        Assert.Equal("Эта кнопка устарела.", unknown.Text);
        var person = await _host.Get<IPeopleStore>().FindByTelegramIdAsync(olga.Id, default);
        Assert.False(person!.LanguageChosen);
    }

    [Fact]
    public async Task Commands_are_published_in_russian_and_english()
    {
        await _host.Tg.WaitUntilAsync(() => _host.Tg.MyCommands(languageCode: "en").Count > 0);

        var english = _host.Tg.MyCommands(languageCode: "en");
        var russian = _host.Tg.MyCommands();

        Assert.Contains(english, c => c.Command == "start" && c.Description == "Start using the bot");
        Assert.Contains(russian, c => c.Command == "start" && c.Description == "Начать работу с ботом");
    }
}
