using BotPlatform.Core.Documents;
using BotPlatform.Core.Projects;
using BotPlatform.Testing;
using BotPlatform.Tests.Documents;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Projects;

/// <summary>/project new, /project and /project NUMBER through the real host and the fake Bot API.</summary>
public sealed class ProjectCreationTests : IAsyncLifetime
{
    private BotHost _host = null!;
    private FakeUser _pm = null!;

    public async Task InitializeAsync()
    {
        _host = await ProjectArrange.StartAsync();
        _pm = await _host.JoinedAsync("Катя", "pm_kate");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<FakeMessage> PressAndWaitEditAsync(FakeMessage message, string button, string expected)
    {
        await _host.PressesAsync(_pm, message, button);
        try
        {
            await _host.Tg.WaitUntilAsync(() => _host.Latest(message).Contains(expected, StringComparison.Ordinal));
        }
        catch (TimeoutException)
        {
            Assert.Fail(_host.Tg.Transcript(_pm.PrivateChat) + string.Join("\n", _host.Tg.Rejected.Select(r => r.Method + r.Description)));
        }
        return _host.Tg.Message(_host.Tg.Chat(message.ChatId), message.MessageId);
    }

    [Fact]
    public async Task A_project_from_the_five_task_template_gets_its_tasks_people_and_dates_across_a_weekend_and_a_holiday()
    {
        await _host.ClientAsync(ClientSamples.Romashka());

        await _host.SaysAsync(_pm, "/project new");
        var pick = await _host.SaysAsync(_pm, "Ромашка", m => m.Text == "Выберите клиента:");
        var templates = await PressAndWaitEditAsync(pick, "ООО «Ромашка»", "Выберите шаблон проекта");
        var title = await PressAndWaitEditAsync(templates, "SMM на месяц", "Как назовём проект");
        var confirm = await _host.SaysAsync(_pm, "SMM декабрь", m => m.Text?.StartsWith("Проверьте", StringComparison.Ordinal) == true);
        var answer = await _host.PressesAsync(_pm, confirm, "✅ Создать проект");
        var card = await _host.Tg.WaitForBotMessageAsync(_pm.PrivateChat, m => m.Text?.StartsWith("📁 Проект PRJ-0001", StringComparison.Ordinal) == true);

        Assert.Equal("Шаблон: SMM на месяц\nКак назовём проект? Напишите название или нажмите «SMM на месяц».", title.Text);
        Assert.Contains("Задач: 5, план: 25.11.2026 — 07.12.2026", confirm.Text);
        Assert.Equal("Создан", answer.Text);
        var project = (await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!;
        var tasks = await _host.Get<IProjectTaskStore>().ByProjectAsync(project.Id, default);
        var pm = await _host.PersonAsync("pm_kate");
        var people = new[] { "pm_kate", "des_lena", "cto_dan", "dir_sergey" }.ToDictionary(u => u, u => _host.PersonAsync(u).Result.Id);
        Assert.Equal(("SMM декабрь", pm.Id, "smm_month"), (project.Title, project.PmId, project.TemplateCode));
        Assert.Equal(
            [
                (1, "brief", people["pm_kate"], people["dir_sergey"], "25.11", "26.11", "", ProjectTaskState.Ready),
                (2, "design", people["des_lena"], people["pm_kate"], "30.11", "30.11", "1", ProjectTaskState.Waiting),
                (3, "texts", people["cto_dan"], people["pm_kate"], "30.11", "02.12", "1", ProjectTaskState.Waiting),
                (4, "publish", people["pm_kate"], people["dir_sergey"], "03.12", "04.12", "2,3", ProjectTaskState.Waiting),
                (5, "report", people["pm_kate"], people["pm_kate"], "07.12", "07.12", "4", ProjectTaskState.Waiting),
            ],
            tasks.Select(t => (t.No, t.Code, t.ExecutorId, t.AuditorId, t.PlannedStart.ToString("dd.MM"), t.PlannedEnd.ToString("dd.MM"),
                string.Join(",", t.WaitsFor), t.State)));
        Assert.Equal((6.5m, true, true, 2), (tasks[1].EstimateHours, tasks[1].Billable, tasks[1].ClientApproval, tasks[0].Checklist.Count));
        Assert.False(tasks[0].Billable);
        Assert.Contains("Клиент: ООО «Ромашка»", card.Text);
        Assert.Contains("Руководитель проекта: Екатерина Проектова", card.Text);
        Assert.Contains("Группа клиента: не привязана", card.Text);
        Assert.Contains("🟡 1. Бриф и стратегия — Екатерина Проектова, 25.11–26.11, 4 ч", card.Text);
        Assert.Contains("⏳ 2. Макеты постов — Елена Дизайнова, 30.11–30.11, 6,5 ч", card.Text);
        Assert.Contains("Часы: план 21,5, факт 0", card.Text);
        Assert.Equal("https://t.me/" + _host.Tg.Bot.Username + "?startgroup=PRJ-0001", card.Button("🔗 Привязать группу клиента")?.Url);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_project_names_the_deal_it_comes_from_picked_from_the_clients_deals_and_a_forged_deal_is_refused()
    {
        var romashka = await _host.ClientAsync(ClientSamples.Romashka());
        var other = ClientSamples.Romashka();
        other.LegalName = "ООО «Лютик»";
        other.Inn = "7736050003";
        await _host.ClientAsync(other);
        await _host.DealAsync("СДЛ-2026-0001", romashka, _pm, VatMode.None, 0, DocumentArrange.Line("smm", 1, 90_000m));
        await _host.DealAsync("СДЛ-2026-0002", romashka, _pm, VatMode.None, 0, DocumentArrange.Line("smm", 2, 45_000m), DocumentArrange.Line("smm", 1, 10_000m));
        var foreign = await _host.DealAsync("СДЛ-2026-0003", other, _pm, VatMode.None, 0, DocumentArrange.Line("smm", 1, 5_000m));

        await _host.SaysAsync(_pm, "/project new");
        var pick = await _host.SaysAsync(_pm, "Ромашка", m => m.Text == "Выберите клиента:");
        var deals = await PressAndWaitEditAsync(pick, "ООО «Ромашка»", "По какой сделке");
        var forged = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_pm, deals,
            deals.Button("Без сделки")!.CallbackData!.Replace(":none", ":" + foreign.Id, StringComparison.Ordinal)));
        var templates = await PressAndWaitEditAsync(deals, "СДЛ-2026-0002 · 100\u00A0000,00\u00A0₽", "Выберите шаблон проекта");
        var title = await PressAndWaitEditAsync(templates, "SMM на месяц", "Как назовём проект");
        var confirm = await _host.SaysAsync(_pm, "SMM январь", m => m.Text?.StartsWith("Проверьте", StringComparison.Ordinal) == true);
        await _host.PressesAsync(_pm, confirm, "✅ Создать проект");
        var card = await _host.Tg.WaitForBotMessageAsync(_pm.PrivateChat, m => m.Text?.StartsWith("📁 Проект PRJ-0001", StringComparison.Ordinal) == true);

        Assert.Equal(["СДЛ-2026-0002 · 100\u00A0000,00\u00A0₽", "СДЛ-2026-0001 · 90\u00A0000,00\u00A0₽", "Без сделки"], deals.Buttons.Select(b => b.Text));
        Assert.StartsWith("Клиент: ООО «Ромашка»\nПо какой сделке проект?", deals.Text, StringComparison.Ordinal);
        Assert.Equal("Эта кнопка устарела.", forged.Text);
        Assert.EndsWith("Сделка: СДЛ-2026-0002 · 100\u00A0000,00\u00A0₽", confirm.Text, StringComparison.Ordinal);
        Assert.Contains("Клиент: ООО «Ромашка»\nСделка: СДЛ-2026-0002 · 100\u00A0000,00\u00A0₽", card.Text, StringComparison.Ordinal);
        var project = (await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!;
        var deal = (await _host.Get<IDealStore>().FindByNumberAsync("СДЛ-2026-0002", default))!;
        Assert.Equal(deal.Id, project.DealId);
    }

    [Fact]
    public async Task A_project_may_come_from_no_deal_and_its_card_names_none()
    {
        var romashka = await _host.ClientAsync(ClientSamples.Romashka());
        await _host.DealAsync("СДЛ-2026-0001", romashka, _pm, VatMode.None, 0, DocumentArrange.Line("smm", 1, 90_000m));

        await _host.SaysAsync(_pm, "/project new");
        var pick = await _host.SaysAsync(_pm, "Ромашка", m => m.Text == "Выберите клиента:");
        var deals = await PressAndWaitEditAsync(pick, "ООО «Ромашка»", "По какой сделке");
        var templates = await PressAndWaitEditAsync(deals, "Без сделки", "Выберите шаблон проекта");
        await PressAndWaitEditAsync(templates, "SMM на месяц", "Как назовём проект");
        var confirm = await _host.SaysAsync(_pm, "SMM январь", m => m.Text?.StartsWith("Проверьте", StringComparison.Ordinal) == true);
        await _host.PressesAsync(_pm, confirm, "✅ Создать проект");
        var card = await _host.Tg.WaitForBotMessageAsync(_pm.PrivateChat, m => m.Text?.StartsWith("📁 Проект PRJ-0001", StringComparison.Ordinal) == true);

        Assert.DoesNotContain("Сделка", confirm.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Сделка", card.Text, StringComparison.Ordinal);
        Assert.Null((await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default))!.DealId);
    }

    [Fact]
    public async Task My_projects_list_opens_the_card_and_a_number_shows_it()
    {
        await _host.ProjectAsync();

        var list = await _host.SaysAsync(_pm, "/project");
        await _host.PressesAsync(_pm, list, "PRJ-0001 · SMM декабрь");
        var card = await _host.Tg.WaitForBotMessageAsync(_pm.PrivateChat, m => m.Text?.StartsWith("📁 Проект", StringComparison.Ordinal) == true);
        var byNumber = await _host.SaysAsync(_pm, "/project 1");
        var missing = await _host.SaysAsync(_pm, "/project PRJ-0099");

        Assert.Equal("📁 Мои проекты:", list.Text);
        Assert.Equal("📁 Проект PRJ-0001 — SMM декабрь", card.Text!.Split('\n')[0]);
        Assert.Equal(card.Text, byNumber.Text);
        Assert.Equal("Проект PRJ-0099 не найден.", missing.Text);
    }

    [Fact]
    public async Task A_client_with_incomplete_requisites_cannot_start_a_project_and_the_missing_fields_are_listed()
    {
        await _host.Get<IClientStore>().InsertAsync(new Client { Country = "RU", LegalName = "ООО «Лютик»", Inn = "7736207543" }, default);

        await _host.SaysAsync(_pm, "/project new");
        var pick = await _host.SaysAsync(_pm, "Лютик", m => m.Text == "Выберите клиента:");
        await _host.PressesAsync(_pm, pick, "ООО «Лютик»");
        var refused = await _host.Tg.WaitForBotMessageAsync(_pm.PrivateChat, m => m.MessageId > pick.MessageId);

        Assert.StartsWith("Клиента «ООО «Лютик»» пока нельзя передать в производство: сделка без данных клиента не передаётся. Не хватает: КПП", refused.Text);
        Assert.Contains("Дополните карточку клиента (/client 7736207543)", refused.Text);
        Assert.Equal("Выберите клиента:", _host.Latest(pick));
        Assert.Null(await _host.Get<IProjectStore>().FindByNumberAsync("PRJ-0001", default));
    }

    [Fact]
    public async Task Someone_who_is_not_a_manager_cannot_create_a_project()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");

        var answer = await _host.SaysAsync(olga, "/project new");

        Assert.Equal("Создавать проекты могут руководитель проектов, директор, операционный менеджер и администратор.", answer.Text);
        Assert.Null(await _host.Get<BotPlatform.Core.Messaging.IConversationStore>().GetAsync(olga.Id, olga.Id, default));
    }
}
