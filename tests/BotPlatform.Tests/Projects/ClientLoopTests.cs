using BotPlatform.Core.Projects;
using BotPlatform.Tests.Projects.Archive;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Projects;

/// <summary>Tasks from the executor's card to the client's approval in the group, as one conversation.</summary>
public sealed class ClientLoopTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!, _designer = null!, _cto = null!, _director = null!, _client = null!, _stranger = null!;
    private FakeChat _group = null!;

    public async Task InitializeAsync()
    {
        _host = await ProjectArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        _designer = await _host.JoinedAsync("Лена", "des_lena");
        _cto = await _host.JoinedAsync("Даниил", "cto_dan");
        _director = await _host.JoinedAsync("Сергей", "dir_sergey");
        _client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        _stranger = _host.Tg.CreateUser("Гость", "guest");
        await _host.ClientAsync(ClientSamples.Romashka());
        await _host.CreateInChatAsync(_pm);
        _group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, _designer, _client, _stranger);
        _host.Tg.SendText(_pm, _group, "/link PRJ-0001");
        await _host.CardAsync(_group, "Здравствуйте! Этот чат");
        _host.Tg.SendText(_client, _group, "Здравствуйте! Ждём макеты.");
        await _host.IdleAsync();
    }

    public async Task DisposeAsync()
    {
        var failed = (await _host.Get<BotPlatform.Core.Messaging.IInboxStore>().PendingAsync(50, default)).Where(i => i.LastError is not null)
            .Concat(await _host.Get<BotPlatform.Core.Messaging.IInboxStore>().ParkedAsync(50, default)).Select(i => i.LastError).ToList();
        await _host.DisposeAsync();
        Assert.True(failed.Count == 0, string.Join("\n---\n", failed));
    }

    private async Task<ProjectTask> TaskAsync(int no) =>
        await _host.TaskAsync((await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!.Id, no);

    /// <summary>The executor starts, hands in a result, and the auditor accepts it.</summary>
    private async Task DoTaskAsync(FakeUser executor, FakeUser auditor, int no, string title, string result)
    {
        var card = await _host.CardAsync(executor.PrivateChat, $"📌 Задача PRJ-0001 · {no}. {title}");
        await _host.PressWhenShownAsync(executor, card, "▶️ Начать");
        await _host.PressWhenShownAsync(executor, card, "✅ Готово");
        await _host.CardAsync(executor.PrivateChat, "Пришлите результат");
        _host.Tg.SendText(executor, result);
        var review = await _host.CardAsync(auditor.PrivateChat, $"🔍 На проверку: PRJ-0001 · {no}. {title}");
        await _host.PressWhenShownAsync(auditor, review, "✅ Принять");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(review).Contains("✅ Принято", StringComparison.Ordinal));
    }

    /// <summary>
    /// The designer starts the layouts (the group is told), hands in the first version and the PM accepts it: the
    /// group's start note, the PM's review card and the client's card.
    /// </summary>
    private async Task<(FakeMessage Started, FakeMessage Review, FakeMessage ClientCard)> DesignHandedInAsync()
    {
        var designCard = await _host.CardAsync(_designer.PrivateChat, "📌 Задача PRJ-0001 · 2. Макеты постов");
        await _host.PressWhenShownAsync(_designer, designCard, "▶️ Начать");
        var started = await _host.CardAsync(_group, "🚀");
        await _host.PressWhenShownAsync(_designer, designCard, "✅ Готово");
        await _host.CardAsync(_designer.PrivateChat, "Пришлите результат");
        _host.Tg.SendText(_designer, "https://figma.example/v1");
        var review = await _host.CardAsync(_pm.PrivateChat, "🔍 На проверку: PRJ-0001 · 2. Макеты постов");
        await _host.PressWhenShownAsync(_pm, review, "✅ Принять");
        var clientCard = await _host.CardAsync(_group, "✅ Закончили работу: Макеты постов");
        return (started, review, clientCard);
    }

    [Fact]
    public async Task The_client_sees_start_and_finish_asks_for_changes_approves_the_redone_work_and_the_next_task_starts()
    {
        // The brief (PM, checked by the director) opens the designer's and the CTO's tasks.
        await DoTaskAsync(_pm, _director, 1, "Бриф и стратегия", "Стратегия: https://docs.example/strategy");
        await DoTaskAsync(_cto, _pm, 3, "Тексты постов", "Тексты: https://docs.example/texts");

        var (started, review, clientCard) = await DesignHandedInAsync();

        // Someone else in the group, and staff who are not the PM, cannot decide for the client.
        var strangerAnswer = await _host.PressesAsync(_stranger, clientCard, "✅ Утвердить");
        var designerAnswer = await _host.PressesAsync(_designer, clientCard, "✏️ Внести правки");
        Assert.Equal(ProjectTaskState.ClientReview, (await TaskAsync(2)).State);

        await _host.PressesAsync(_client, clientCard, "✏️ Внести правки");
        var question = await _host.CardAsync(_group, "Ирина, что нужно изменить");
        _host.Tg.SendSticker(_client, _group);
        var again = await _host.CardAsync(_group, "Напишите, пожалуйста, что нужно изменить.");
        _host.Tg.Reply(_client, _group, question, "Сделайте логотип крупнее");
        var thanks = await _host.CardAsync(_group, "Спасибо! Передали правки");
        var toDesigner = await _host.CardAsync(_designer.PrivateChat, "✏️ Клиент просит правки");
        var toPm = await _host.CardAsync(_pm.PrivateChat, "✏️ Клиент (Ирина) попросил правки");

        var redo = await _host.CardAsync(_designer.PrivateChat, "📌 Задача PRJ-0001 · 2. Макеты постов", after: toDesigner.MessageId - 1);
        await _host.PressWhenShownAsync(_designer, redo, "▶️ Начать");
        await _host.PressWhenShownAsync(_designer, redo, "✅ Готово");
        await _host.CardAsync(_designer.PrivateChat, "Пришлите результат", after: redo.MessageId);
        _host.Tg.SendText(_designer, "https://figma.example/v2");
        var review2 = await _host.CardAsync(_pm.PrivateChat, "🔍 На проверку: PRJ-0001 · 2. Макеты постов", after: review.MessageId);
        await _host.PressWhenShownAsync(_pm, review2, "✅ Принять");
        var clientCard2 = await _host.CardAsync(_group, "✅ Закончили работу: Макеты постов", after: clientCard.MessageId);
        var oldRound = _host.Tg.PressCallbackData(_client, clientCard, $"tcl:{(await TaskAsync(2)).Id}:1:ok");
        var oldAnswer = await _host.Tg.WaitForCallbackAnswerAsync(oldRound);
        await _host.PressesAsync(_client, clientCard2, "✅ Утвердить");
        var publish = await _host.CardAsync(_pm.PrivateChat, "📌 Задача PRJ-0001 · 4. Публикация");

        Assert.Equal("🚀 Начали работу: Макеты постов (этап 2 из 5)", started.Text);
        Assert.Equal("✅ Закончили работу: Макеты постов\nРезультат: https://figma.example/v1\n\nПожалуйста, посмотрите и утвердите результат или напишите, что поправить.",
            clientCard.Text);
        Assert.Equal("Эти кнопки — для клиента: решение принимает клиент или руководитель проекта.", strangerAnswer.Text);
        Assert.Equal(strangerAnswer.Text, designerAnswer.Text);
        Assert.True(question.ForceReply);
        Assert.True(again.ForceReply);
        Assert.Equal("Спасибо! Передали правки в работу — вернёмся с обновлённым результатом.", thanks.Text);
        Assert.EndsWith("✏️ Правки — Ирина: «Сделайте логотип крупнее»", _host.Latest(clientCard));
        Assert.Empty(_host.Tg.Message(_group, clientCard.MessageId).Buttons);
        Assert.Equal("✏️ Клиент просит правки по задаче «Макеты постов»: «Сделайте логотип крупнее»", toDesigner.Text);
        Assert.Equal("✏️ Клиент (Ирина) попросил правки по задаче PRJ-0001 «Макеты постов»: «Сделайте логотип крупнее»", toPm.Text);
        Assert.Contains("💬 Комментарий: Сделайте логотип крупнее", redo.Text);
        Assert.Equal("Кнопка устарела: задача уже в другом состоянии.", oldAnswer.Text);
        Assert.Contains("Результат: https://figma.example/v2", clientCard2.Text);
        Assert.EndsWith("✅ Утверждено — Ирина. Спасибо!", _host.Latest(clientCard2));
        Assert.Equal(ProjectTaskState.Done, (await TaskAsync(2)).State);
        Assert.Equal(ProjectTaskState.Ready, (await TaskAsync(4)).State);
        Assert.Contains("▶️ Начать", publish.Buttons.Select(b => b.Text));
        Assert.DoesNotContain(_host.Tg.BotMessages(_group), m => m.Text?.Contains("Бриф и стратегия", StringComparison.Ordinal) == true);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task What_the_bot_posts_in_the_group_and_its_edits_are_archived_with_the_bot_as_author_on_the_tests_clock()
    {
        await DoTaskAsync(_pm, _director, 1, "Бриф и стратегия", "Стратегия: https://docs.example/strategy");
        var (started, _, clientCard) = await DesignHandedInAsync();
        var before = _host.Time.GetUtcNow();
        _host.Time.Advance(TimeSpan.FromMinutes(7));
        var decided = _host.Time.GetUtcNow();
        await _host.PressesAsync(_client, clientCard, "✅ Утвердить");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(clientCard).EndsWith("✅ Утверждено — Ирина. Спасибо!", StringComparison.Ordinal));
        await _host.IdleAsync();

        var archive = _host.Get<BotPlatform.Core.Projects.Archive.IGroupArchiveStore>();
        var greeting = _host.Tg.BotMessages(_group).First(m => m.Text?.StartsWith("Здравствуйте! Этот чат", StringComparison.Ordinal) == true);
        var keptGreeting = await archive.GetAsync(_group.Id, greeting.MessageId, default);
        var keptStart = await archive.GetAsync(_group.Id, started.MessageId, default);
        var keptCard = await archive.GetAsync(_group.Id, clientCard.MessageId, default);
        var (_, html) = await _host.AsksForArchiveAsync(_pm);

        Assert.NotNull(keptGreeting);
        Assert.True(keptGreeting.FromBot);
        Assert.Equal(_host.Tg.Bot.FirstName, keptGreeting.FromName);
        Assert.Equal(greeting.Text, keptGreeting.Current.Text);
        Assert.InRange(keptGreeting.At, ProjectArrange.Wednesday, before);
        Assert.Equal("🚀 Начали работу: Макеты постов (этап 2 из 5)", keptStart?.Current.Text);
        Assert.NotNull(keptCard);
        Assert.True(keptCard.FromBot);
        Assert.Equal([clientCard.Text, _host.Latest(clientCard)], keptCard.Versions.Select(v => v.Text));
        Assert.Equal(decided.ToUnixTimeSeconds(), keptCard.Versions[^1].At.ToUnixTimeSeconds());
        Assert.True(keptCard.Versions[^1].Edited);
        Assert.Contains("class=\"msg bot\"", html);
        Assert.Contains("✅ Утверждено — Ирина. Спасибо!", html);
    }

    [Fact]
    public async Task Staff_buttons_are_only_their_owners_and_forged_or_stale_ones_change_nothing()
    {
        var card = await _host.CardAsync(_pm.PrivateChat, "📌 Задача PRJ-0001 · 1. Бриф и стратегия");
        var task = await TaskAsync(1);

        var byOther = _host.Tg.PressCallbackData(_designer, card, $"tsk:{task.Id}:start");
        var notYours = await _host.Tg.WaitForCallbackAnswerAsync(byOther);
        var forged = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, card, "tsk:999999:start"));
        var garbage = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, card, $"tsk:{task.Id}:explode"));
        var tooEarly = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, card, $"tsk:{task.Id}:accept"));
        await _host.PressWhenShownAsync(_pm, card, "⬜ Бриф получен");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("☑️ Бриф получен", StringComparison.Ordinal));
        await _host.PressWhenShownAsync(_pm, card, "▶️ Начать");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.Message(_pm.PrivateChat, card.MessageId).Button("⏸ Пауза") is not null);
        var twice = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, card, $"tsk:{task.Id}:start"));

        Assert.Equal("Это не ваша задача: её выполняет Екатерина Проектова.", notYours.Text);
        Assert.Equal("Кнопка устарела: задача уже в другом состоянии.", forged.Text);
        Assert.Equal(forged.Text, garbage.Text);
        Assert.Equal("Результат проверяет Сергей Директоров, не вы.", tooEarly.Text);
        Assert.Equal(forged.Text, twice.Text);
        var after = await TaskAsync(1);
        Assert.Equal((ProjectTaskState.InProgress, true, false), (after.State, after.Checklist[0].Done, after.Checklist[1].Done));
        Assert.Single(after.History, h => h.Action == ProjectActions.Started);
    }

    [Fact]
    public async Task An_overdue_task_reminds_its_executor_in_working_hours_and_tells_the_pm()
    {
        await _host.CardAsync(_pm.PrivateChat, "📌 Задача PRJ-0001 · 1. Бриф и стратегия");

        // Due Thursday 26.11; Friday 27.11 is a holiday, so the first working moment after is Monday 30.11 09:00.
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var none = _host.Tg.BotMessages(_pm.PrivateChat).Count(m => m.Text?.StartsWith("⏰", StringComparison.Ordinal) == true);
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero));
        var reminder = await _host.CardAsync(_pm.PrivateChat, "⏰");

        Assert.Equal(0, none);
        Assert.Equal("⏰ Задача «Бриф и стратегия» (PRJ-0001) просрочена: срок был 26.11.2026.", reminder.Text);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), (await TaskAsync(1)).NextTimerAt);
    }
}
