using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Projects;

/// <summary>Time tracked by the task's status, manual entries, corrections and the week view.</summary>
public sealed class TimeTrackingTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!;

    public async Task InitializeAsync()
    {
        _host = await ProjectArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
        await _host.ClientAsync(ClientSamples.Romashka());
        await _host.CreateInChatAsync(_pm);
        await _host.CardAsync(_pm.PrivateChat, "📌 Задача PRJ-0001 · 1.");
        await _host.IdleAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<ProjectTask> BriefAsync() =>
        await _host.TaskAsync((await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!.Id, 1);

    [Fact]
    public async Task Start_pause_resume_and_done_count_only_the_working_periods()
    {
        var card = await _host.CardAsync(_pm.PrivateChat, "📌 Задача PRJ-0001 · 1.");

        await _host.PressWhenShownAsync(_pm, card, "▶️ Начать");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.Message(_pm.PrivateChat, card.MessageId).Button("⏸ Пауза") is not null);
        _host.Time.Advance(TimeSpan.FromMinutes(90));
        await _host.PressWhenShownAsync(_pm, card, "⏸ Пауза");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.Message(_pm.PrivateChat, card.MessageId).Button("▶️ Продолжить") is not null);
        _host.Time.Advance(TimeSpan.FromHours(2));
        await _host.PressWhenShownAsync(_pm, card, "▶️ Продолжить");
        await _host.Tg.WaitUntilAsync(() => _host.Tg.Message(_pm.PrivateChat, card.MessageId).Button("⏸ Пауза") is not null);
        _host.Time.Advance(TimeSpan.FromMinutes(45));
        await _host.PressWhenShownAsync(_pm, card, "✅ Готово");
        await _host.CardAsync(_pm.PrivateChat, "Пришлите результат");
        _host.Tg.SendText(_pm, "https://docs.example/strategy");
        await _host.CardAsync(_pm.PrivateChat, "📤");
        var projectCard = await _host.SaysAsync(_pm, "/project PRJ-0001");

        var entries = await _host.Get<ITimeEntryStore>().ByTaskAsync((await BriefAsync()).Id, default);
        Assert.Equal([1.5m, 0.75m], entries.Select(e => e.Hours));
        Assert.All(entries, e => Assert.Equal(("internal", false, e.ProjectId), (e.WorkType, e.Billable, (long)1)));
        Assert.Contains("Факт: 2,25 ч из 4 ч", _host.Latest(card));
        Assert.Contains("Часы: план 21,5, факт 2,25", projectCard.Text);
        Assert.Contains("1. Бриф и стратегия — Екатерина Проектова, 25.11–26.11, 2,25/4 ч", projectCard.Text);
    }

    [Fact]
    public async Task A_manual_entry_is_added_by_people_on_the_task_and_corrected_by_its_author_only()
    {
        var designer = await _host.JoinedAsync("Лена", "des_lena");

        var added = await _host.SaysAsync(_pm, "/time PRJ-0001#1 1,5 созвон с клиентом");
        var badHours = await _host.SaysAsync(_pm, "/time PRJ-0001#1 сорок");
        var notOnTask = await _host.SaysAsync(designer, "/time PRJ-0001#1 1");
        var noTask = await _host.SaysAsync(_pm, "/time PRJ-0001#9 1");
        var entry = Assert.Single(await _host.Get<ITimeEntryStore>().ByTaskAsync((await BriefAsync()).Id, default));
        var byOther = await _host.SaysAsync(designer, $"/time edit {entry.Id} 3");
        var corrected = await _host.SaysAsync(_pm, $"/time edit {entry.Id} 2");

        Assert.Equal($"⏱ Записано 1,5 ч к задаче PRJ-0001 · 1. Бриф и стратегия (запись {entry.Id}).", added.Text);
        Assert.Equal("Часы — число от 0,1 до 24, например 1,5.", badHours.Text);
        Assert.Equal("Часы к задаче добавляют её исполнитель, проверяющий и руководитель проекта.", notOnTask.Text);
        Assert.StartsWith("Задача PRJ-0001#9 не найдена.", noTask.Text);
        Assert.Equal("Исправить запись может её автор или руководитель проекта.", byOther.Text);
        Assert.Equal($"✏️ Запись {entry.Id} исправлена: 2 ч.", corrected.Text);
        var stored = (await _host.Get<ITimeEntryStore>().GetAsync(entry.Id, default))!;
        Assert.Equal((2m, true, "созвон с клиентом"), (stored.Hours, stored.Manual, stored.Comment));
        Assert.Equal([TimeDesk.AddedManually, TimeDesk.Corrected], stored.History.Select(h => h.Action));
        Assert.Equal("1.5 -> 2", stored.History[1].Reason);
    }

    [Fact]
    public async Task The_week_shows_hours_per_day_and_per_project()
    {
        await _host.SaysAsync(_pm, "/time PRJ-0001#1 1,5 созвон");
        _host.Time.Advance(TimeSpan.FromDays(1));
        await _host.SaysAsync(_pm, "/time PRJ-0001#5 2 отчёт");

        var week = await _host.SaysAsync(_pm, "/time");

        Assert.Equal("""
            ⏱ Моя неделя с 23.11: 3,5 ч
            По дням:
            пн 23.11 — 0
            вт 24.11 — 0
            ср 25.11 — 1,5
            чт 26.11 — 2
            пт 27.11 — 0
            По проектам:
            PRJ-0001 SMM на месяц — 3,5
            """, week.Text);
    }
}
