using BotPlatform.Core.Audit;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Projects;

/// <summary>A project manager leaves: their tasks (as executor and as auditor) and their projects go to the substitute. Run on both engines.</summary>
public abstract class ProjectLeaverTests(StorageEngine engine) : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _anna = null!, _pm = null!, _designer = null!, _cto = null!, _director = null!, _client = null!;
    private FakeChat _group = null!;

    public sealed class LiteDb() : ProjectLeaverTests(StorageEngine.LiteDb);

    public sealed class Postgres() : ProjectLeaverTests(StorageEngine.Postgres);

    public async Task InitializeAsync()
    {
        _host = await ProjectArrange.StartAsync(storage: engine);
        _anna = await _host.JoinedAsync("Анна", "admin_anna");
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        _designer = await _host.JoinedAsync("Лена", "des_lena");
        _cto = await _host.JoinedAsync("Даниил", "cto_dan");
        _director = await _host.JoinedAsync("Сергей", "dir_sergey");
        _client = _host.Tg.CreateUser("Ирина", "irina_romashka");
        await _host.ClientAsync(ClientSamples.Romashka());
        await _host.CreateInChatAsync(_pm);
        _group = _host.Tg.CreateGroup("Ромашка × Агентство", _pm, _designer, _client);
        _host.Tg.SendText(_pm, _group, "/link PRJ-0001");
        await _host.CardAsync(_group, "Здравствуйте! Этот чат");
        await _host.IdleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task The_leavers_running_task_pauses_for_the_substitute_and_the_project_and_the_client_group_follow()
    {
        var card = await _host.CardAsync(_pm.PrivateChat, "📌 Задача PRJ-0001 · 1. Бриф и стратегия");
        await _host.PressWhenShownAsync(_pm, card, "▶️ Начать");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.Message(_pm.PrivateChat, card.MessageId).Button("⏸ Пауза") is not null);

        var done = await DeactivateAsync("Екатерина Проектова", "Елена Дизайнова");

        // Five tasks (executor of three, auditor of two) and the project.
        Assert.StartsWith("🚪 Екатерина Проектова деактивирован(а). Передано: 6 — Елена Дизайнова.", done.Text, StringComparison.Ordinal);
        Assert.Contains("задача передана: Елена Дизайнова", _host.Latest(card), StringComparison.Ordinal);
        Assert.Empty(_host.Tg.Message(_pm.PrivateChat, card.MessageId).Buttons);
        await _host.CardAsync(_designer.PrivateChat, "↪️ Вам передана задача PRJ-0001 · 1. Бриф и стратегия от Екатерина Проектова.");
        var lenasCard = await _host.CardAsync(_designer.PrivateChat, "📌 Задача PRJ-0001 · 1. Бриф и стратегия");
        await _host.CardAsync(_designer.PrivateChat, "↪️ Вам передан проект PRJ-0001 «SMM на месяц» от Екатерина Проектова");
        await _host.CardAsync(_group, "Здравствуйте! Теперь проектом «SMM на месяц» занимается Елена Дизайнова.");
        var project = (await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!;
        var lena = await _host.PersonAsync("des_lena");
        Assert.Equal(lena.Id, project.PmId);
        var tasks = await _host.Get<IProjectTaskStore>().ByProjectAsync(project.Id, default);
        Assert.Equal(ProjectTaskState.Paused, tasks[0].State);
        Assert.All(tasks.Where(t => t.No is 1 or 4 or 5), t => Assert.Equal(lena.Id, t.ExecutorId));
        Assert.All(tasks.Where(t => t.No is 2 or 3), t => Assert.Equal(lena.Id, t.AuditorId));
        var audit = _host.Get<IAuditLog>();
        Assert.Contains(await audit.ForSubjectAsync("project:PRJ-0001", default),
            e => e.Action == ProjectLeavers.Reassigned && e.Reason == "pm: Екатерина Проектова → Елена Дизайнова");
        Assert.Contains(await audit.ForSubjectAsync("project:PRJ-0001#1", default),
            e => e.Action == ProjectLeavers.Reassigned && e.Reason == "executor: Екатерина Проектова → Елена Дизайнова");

        // The substitute carries on from the card she got; the leaver's old button is refused.
        var stale = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, card, TaskCards.Data(tasks[0], TaskCards.Start)));
        await _host.PressWhenShownAsync(_designer, lenasCard, "▶️ Продолжить");
        await _host.IdleAsync();
        Assert.StartsWith("Ваш доступ к боту закрыт", stale.Text, StringComparison.Ordinal);
        Assert.Equal(ProjectTaskState.InProgress, (await _host.TaskAsync(project.Id, 1)).State);
    }

    [Fact]
    public async Task A_result_waiting_for_the_leavers_review_goes_to_the_substitute_who_accepts_it()
    {
        await DoTaskAsync(_pm, _director, 1, "Бриф и стратегия", "Стратегия: https://docs.example/strategy");
        var executorCard = await _host.CardAsync(_cto.PrivateChat, "📌 Задача PRJ-0001 · 3. Тексты постов");
        await _host.PressWhenShownAsync(_cto, executorCard, "▶️ Начать");
        await _host.PressWhenShownAsync(_cto, executorCard, "✅ Готово");
        await _host.CardAsync(_cto.PrivateChat, "Пришлите результат");
        _host.Tg.SendText(_cto, "Тексты: https://docs.example/texts");
        var katesReview = await _host.CardAsync(_pm.PrivateChat, "🔍 На проверку: PRJ-0001 · 3. Тексты постов");

        await DeactivateAsync("Екатерина Проектова", "Елена Дизайнова");

        Assert.Contains("задача передана: Елена Дизайнова", _host.Latest(katesReview), StringComparison.Ordinal);
        Assert.Empty(_host.Tg.Message(_pm.PrivateChat, katesReview.MessageId).Buttons);
        var lenasReview = await _host.CardAsync(_designer.PrivateChat, "🔍 На проверку: PRJ-0001 · 3. Тексты постов");
        Assert.Contains("Даниил Техников", lenasReview.Text, StringComparison.Ordinal);
        Assert.Contains("https://docs.example/texts", lenasReview.Text, StringComparison.Ordinal);
        await _host.PressWhenShownAsync(_designer, lenasReview, "✅ Принять");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(lenasReview).Contains("✅ Принято", StringComparison.Ordinal));
        var project = (await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!;
        Assert.Equal(ProjectTaskState.Done, (await _host.TaskAsync(project.Id, 3)).State);
    }

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
        await _host.IdleAsync();
    }

    private async Task<FakeMessage> DeactivateAsync(string leaver, string substitute)
    {
        var list = await _host.SaysAsync(_anna, "/people");
        var card = await PressAndSeeAsync(list, leaver, "👤 " + leaver);
        var pick = await PressAndSeeAsync(card, "🚪 Деактивировать", "Кому передать?");
        var done = await PressAndSeeAsync(pick, substitute, "деактивирован");
        await _host.IdleAsync();
        return done;
    }

    private async Task<FakeMessage> PressAndSeeAsync(FakeMessage message, string button, string shows)
    {
        await _host.PressWhenShownAsync(_anna, message, button);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(message).Contains(shows, StringComparison.Ordinal));
        return _host.Tg.Message(_anna.PrivateChat, message.MessageId);
    }
}
