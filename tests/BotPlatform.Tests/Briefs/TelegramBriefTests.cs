using BotPlatform.Core.Briefs;
using BotPlatform.Tests.Projects;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Briefs;

/// <summary>Without Google configured the brief is asked in the client's group, one question at a time.</summary>
public sealed class TelegramBriefTests : IAsyncLifetime
{
    private BriefScene _scene = null!;

    public async Task InitializeAsync() => _scene = await BriefScene.StartAsync();
    public async Task DisposeAsync() => await _scene.DisposeAsync();

    [Fact]
    public async Task The_pm_sends_the_brief_and_the_clients_answer_it_in_the_group_across_a_restart()
    {
        var (host, group) = (_scene.Host, _scene.Group);
        var card = await _scene.CardAsync(_scene.Pm);
        var pressed = await host.PressWhenShownAsync(_scene.Pm, card, "📋 Отправить бриф");
        var greeting = await host.CardAsync(group, "Здравствуйте! Меня зовут Екатерина Проектова");
        var toPm = await host.CardAsync(_scene.Pm.PrivateChat, "📋 Бриф по проекту PRJ-0001 отправлен");
        var q1 = await host.CardAsync(group, "Вопрос 1 из 5");
        host.Tg.Reply(_scene.Client, group, q1, "Ирина Петрова");
        var q2 = await host.CardAsync(group, "Вопрос 2 из 5");
        host.Tg.SendText(_scene.Client, group, "позвоните мне");
        var again = await host.CardAsync(group, "Похоже, это не номер телефона");
        host.Tg.SendText(_scene.Client, group, "+7 900 123-45-67");
        var q3 = await host.CardAsync(group, "Вопрос 3 из 5");

        await host.RestartAsync();
        host.Tg.SendText(_scene.Pm, group, "Коллеги, ответьте, пожалуйста, на вопросы выше 🙏");
        await host.IdleAsync();
        host.Tg.SendText(_scene.Colleague, group, "romashka.ru");
        var q4 = await host.CardAsync(group, "Вопрос 4 из 5");
        host.Tg.SendText(_scene.Client, group, "Рост подписчиков на 20%");
        var q5 = await host.CardAsync(group, "Вопрос 5 из 5");
        host.Tg.SendText(_scene.Client, group, "-");
        var thanks = await host.CardAsync(group, "Мы получили заполненный бриф");
        var done = await host.CardAsync(_scene.Pm.PrivateChat, "📋 Клиент ООО «Ромашка» — проект PRJ-0001 заполнил бриф.");
        var cardAfter = await _scene.CardAsync(_scene.Pm);

        Assert.Equal("Бриф отправлен", pressed.Text);
        Assert.Equal("Здравствуйте! Меня зовут Екатерина Проектова, я руководитель вашего проекта «SMM на месяц».\n\nЧтобы начать работу, нам важно лучше узнать ваш бизнес и задачи. Пожалуйста, ответьте прямо здесь, в чате, на несколько коротких вопросов (5) — я буду задавать их по одному. Ответить может любой из вас.\n\nС уважением, Екатерина Проектова",
            greeting.Text);
        Assert.Contains("«Ромашка × Агентство» (вопросы в чате)", toPm.Text);
        Assert.Equal("Вопрос 1 из 5: Как зовут контактное лицо по проекту?", q1.Text);
        Assert.True(q1.ForceReply && q2.ForceReply && again.ForceReply && q3.ForceReply && q5.ForceReply);
        Assert.Equal("Похоже, это не номер телефона. Напишите его, пожалуйста, цифрами, например +7 900 123-45-67.\n\nВопрос 2 из 5: По какому телефону с ним связаться?", again.Text);
        Assert.Equal("Вопрос 5 из 5: Что ещё нам важно знать? (если нечего сказать, ответьте «-»)", q5.Text);
        Assert.Equal(1, host.Tg.BotMessages(group).Count(m => m.Text?.StartsWith("Вопрос 4 из 5", StringComparison.Ordinal) == true));
        Assert.Equal("Мы получили заполненный бриф. Теперь у нас есть вся необходимая информация и мы сможем приступить к работе.", thanks.Text);
        Assert.Contains("• Как зовут контактное лицо по проекту?: Ирина Петрова", done.Text);
        Assert.Contains("• Адрес вашего сайта?: romashka.ru", done.Text);
        Assert.Contains("В карточку клиента записано: контактное лицо, телефон, сайт, цели.", done.Text);
        var client = await _scene.ClientRecordAsync();
        Assert.Equal("+7 900 123-45-67", client.Phone);
        Assert.Equal("Ирина Петрова", client.Profile[BriefFields.ContactPerson]);
        Assert.Equal("romashka.ru", client.Profile[BriefFields.Website]);
        Assert.Equal("Рост подписчиков на 20%", client.Profile[BriefFields.Goals]);
        var brief = (await _scene.BriefAsync())!;
        Assert.Equal(BriefStatus.Completed, brief.Status);
        Assert.Equal(["Ирина", "Ирина", "Олег", "Ирина", "Ирина"], brief.Answers.Select(a => a.Who));
        Assert.Null(brief.NextTimerAt);
        Assert.Contains("Бриф: заполнен 25.11.2026", cardAfter.Text);
        Assert.Null(cardAfter.Button("📋 Отправить бриф"));
        _ = q4;
    }

    [Fact]
    public async Task A_non_pm_a_second_press_and_forged_buttons_change_nothing()
    {
        var host = _scene.Host;
        var designerCard = await _scene.CardAsync(_scene.Designer);
        var notPm = await host.PressesAsync(_scene.Designer, designerCard, "📋 Отправить бриф");
        var nothingYet = await _scene.BriefAsync();

        var card = await _scene.CardAsync(_scene.Pm);
        var first = await host.PressesAsync(_scene.Pm, card, "📋 Отправить бриф");
        await host.CardAsync(_scene.Group, "Вопрос 1 из 5");
        var second = await host.PressesAsync(_scene.Pm, card, "📋 Отправить бриф");
        var missing = await host.Tg.WaitForCallbackAnswerAsync(host.Tg.PressCallbackData(_scene.Pm, card, "brf:send:999"));
        var forged = await host.Tg.WaitForCallbackAnswerAsync(host.Tg.PressCallbackData(_scene.Pm, card, "brf:send:x;drop"));
        await host.IdleAsync();

        Assert.Equal("Отправить бриф может только руководитель проекта.", notPm.Text);
        Assert.Null(nothingYet);
        Assert.Equal("Бриф отправлен", first.Text);
        Assert.Equal("Бриф по проекту PRJ-0001 уже отправлен 25.11.2026 — второй раз он не уходит.", second.Text);
        Assert.Equal("Кнопка устарела: проекта уже нет или он закрыт.", missing.Text);
        Assert.Equal(BotPlatform.Bot.Routing.RoutingTexts.StaleButton.In(BotPlatform.Core.Localization.Lang.Ru), forged.Text);
        Assert.Equal(1, host.Tg.BotMessages(_scene.Group).Count(m => m.Text?.StartsWith("Здравствуйте! Меня зовут", StringComparison.Ordinal) == true));
        Assert.Equal(1, host.Tg.BotMessages(_scene.Group).Count(m => m.Text?.StartsWith("Вопрос 1 из 5", StringComparison.Ordinal) == true));
        Assert.Equal(BriefStatus.Sent, (await _scene.BriefAsync())!.Status);
    }

    [Fact]
    public async Task An_unanswered_brief_reminds_the_client_once_after_two_working_days_also_across_downtime()
    {
        var host = _scene.Host;
        var card = await _scene.CardAsync(_scene.Pm);
        await host.PressesAsync(_scene.Pm, card, "📋 Отправить бриф");
        await host.CardAsync(_scene.Group, "Вопрос 1 из 5");

        // Sent Wednesday 10:00; Thursday is one working day, Friday a holiday, the weekend off: due Monday 10:00.
        await host.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 9, 59, 0, TimeSpan.FromHours(3)));
        var beforeDue = host.Tg.BotMessages(_scene.Group).Count(m => m.Text?.StartsWith("К сожалению", StringComparison.Ordinal) == true);
        await host.StopAsync();
        host.Time.SetUtcNow(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.FromHours(3)));
        host.Start();
        await host.IdleAsync();
        var reminder = await host.CardAsync(_scene.Group, "К сожалению");
        var toPm = await host.CardAsync(_scene.Pm.PrivateChat, "⏰ Клиент ООО «Ромашка» не заполнил бриф");
        await host.AdvanceToAsync(new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.FromHours(3)));

        Assert.Equal(0, beforeDue);
        Assert.Equal("К сожалению, вы не заполнили бриф. Какие есть сложности? Как мы можем помочь?", reminder.Text);
        Assert.Equal("⏰ Клиент ООО «Ромашка» не заполнил бриф по проекту PRJ-0001 за 2 рабочих дня. Мы напомнили в группе и спросили, чем помочь.", toPm.Text);
        Assert.Equal(1, host.Tg.BotMessages(_scene.Group).Count(m => m.Text?.StartsWith("К сожалению", StringComparison.Ordinal) == true));
        Assert.Equal(1, host.Tg.BotMessages(_scene.Pm.PrivateChat).Count(m => m.Text?.StartsWith("⏰ Клиент", StringComparison.Ordinal) == true));
        var brief = (await _scene.BriefAsync())!;
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 14, 0, 0, TimeSpan.FromHours(3)), brief.RemindedAt);
        Assert.Null(brief.NextTimerAt);
    }

    [Fact]
    public async Task Before_the_group_is_linked_the_pm_is_asked_to_link_it_first()
    {
        await using var unlinked = await BriefScene.StartAsync(linkGroup: false);

        var card = await unlinked.CardAsync(unlinked.Pm);
        var answer = await unlinked.Host.PressesAsync(unlinked.Pm, card, "📋 Отправить бриф");

        Assert.Equal("Сначала привяжите группу клиента к проекту: бриф отправляется туда.", answer.Text);
        Assert.Contains("Бриф: не отправлен", card.Text);
        Assert.Null(await unlinked.BriefAsync());
    }
}
