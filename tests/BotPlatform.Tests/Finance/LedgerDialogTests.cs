using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Core.Messaging;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Finance;

/// <summary>/income and /expense: asked step by step like /pay, refused when wrong, recorded on Submit.</summary>
public sealed class LedgerDialogTests : IAsyncLifetime
{
    private const string Submit = "✅ Отправить";
    private const string Skip = "Пропустить";
    private BotHost _host = null!;
    private FakeUser _maria = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(); // Monday 23.11.2026, 10:00 Moscow
        _maria = await _host.JoinedAsync("Мария", "fin_maria");
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<IReadOnlyList<LedgerEntry>> EntriesAsync() =>
        _host.Get<ILedgerStore>().BetweenAsync(DateOnly.MinValue, DateOnly.MaxValue, default);

    [Fact]
    public async Task The_finance_manager_records_income_for_a_project_step_by_step()
    {
        var client = await _host.ClientAsync("ООО «Ромашка»", "7736207543");
        var project = await _host.ProjectAsync(client, "PRJ-0001", "SMM Ромашка");

        var askPayer = await _host.SaysAsync(_maria, "/income");
        var askAmount = await _host.SaysAsync(_maria, "ООО «Ромашка»");
        var askCategory = await _host.SaysAsync(_maria, "150 000,50");
        var askDate = await _host.PressesForNextAsync(_maria, askCategory, "Услуги");
        var askProject = await _host.SaysAsync(_maria, "20.11");
        var askComment = await _host.SaysAsync(_maria, "prj-0001");
        var card = await _host.SaysAsync(_maria, "Оплата за ноябрь");
        var answer = await _host.PressesAsync(_maria, card, Submit);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("записано", StringComparison.Ordinal));

        Assert.Equal("💰 Новое поступление. Выйти в любой момент — /cancel.\n\nОт кого поступили деньги? Напишите название контрагента.", askPayer.Text);
        Assert.Equal("Какая сумма? Например: 150 000,50 или $1,200.", askAmount.Text);
        Assert.Equal(["Услуги", "Рекламный бюджет", "Прочие поступления"], askCategory.Buttons.Select(b => b.Text));
        Assert.Equal([Skip], askDate.Buttons.Select(b => b.Text));
        Assert.StartsWith("К какому проекту относится?", askProject.Text, StringComparison.Ordinal);
        Assert.StartsWith("Добавьте комментарий", askComment.Text, StringComparison.Ordinal);
        Assert.Equal(
            "Проверьте поступление:\n\nКонтрагент: ООО «Ромашка»\nСумма: 150\u00A0000,50\u00A0₽\nСтатья: Услуги (переменный)\nДата: 20.11.2026\n"
            + "Проект: PRJ-0001 «SMM Ромашка»\nКомментарий: Оплата за ноябрь",
            card.Text);
        Assert.Null(answer.Text);
        Assert.EndsWith("\n\n✅ Поступление записано: 150\u00A0000,50\u00A0₽ от ООО «Ромашка», 20.11.2026.", _host.Latest(card), StringComparison.Ordinal);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((LedgerKind.Income, new DateOnly(2026, 11, 20), 150_000.50m, "RUB", "services", project.Id, client.Id),
            (entry.Kind, entry.Date, entry.Amount, entry.Currency, entry.Category, entry.ProjectId!.Value, entry.ClientId!.Value));
        Assert.Equal(("ООО «Ромашка»", "Оплата за ноябрь", null), (entry.Counterparty, entry.Comment, entry.Source));
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(_maria.Id, _maria.Id, default));
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task An_expense_with_its_date_and_project_skipped_is_today_and_a_fixed_cost()
    {
        await _host.SaysAsync(_maria, "/expense");
        await _host.SaysAsync(_maria, "JetBrains s.r.o.");
        var askCategory = await _host.SaysAsync(_maria, "$1,200");
        var askDate = await _host.PressesForNextAsync(_maria, askCategory, "Программное обеспечение");
        var askProject = await _host.PressesForNextAsync(_maria, askDate, Skip);
        var askComment = await _host.PressesForNextAsync(_maria, askProject, Skip);
        var card = await _host.PressesForNextAsync(_maria, askComment, Skip);
        await _host.PressesAsync(_maria, card, Submit);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).Contains("записан", StringComparison.Ordinal));

        Assert.Equal(["Реклама", "Подрядчики", "Программное обеспечение", "Офис и хозяйство", "Прочее"], askCategory.Buttons.Select(b => b.Text));
        Assert.Contains("\nСтатья: Программное обеспечение (постоянный)\nДата: сегодня\nПроект: —\nКомментарий: —", card.Text, StringComparison.Ordinal);
        Assert.EndsWith("✅ Расход записан: 1\u00A0200,00\u00A0$ — JetBrains s.r.o., 23.11.2026.", _host.Latest(card), StringComparison.Ordinal);
        var entry = Assert.Single(await EntriesAsync());
        Assert.Equal((LedgerKind.Expense, new DateOnly(2026, 11, 23), 1_200m, "USD", "software", CostNature.Fixed, (long?)null),
            (entry.Kind, entry.Date, entry.Amount, entry.Currency, entry.Category, entry.Nature, entry.ProjectId));
    }

    [Fact]
    public async Task A_wrong_amount_date_or_project_is_answered_and_asked_again_and_nothing_is_recorded()
    {
        await _host.SaysAsync(_maria, "/expense");
        await _host.SaysAsync(_maria, "ООО Ромашка");
        var words = await _host.SaysAsync(_maria, "сто рублей");
        var askedAgain = await _host.NextAfterAsync(_maria, words);
        var negative = await _host.SaysAsync(_maria, "-500");
        await _host.NextAfterAsync(_maria, negative);
        var askCategory = await _host.SaysAsync(_maria, "500");
        var contractors = askCategory.Button("Подрядчики")!.CallbackData!;
        await _host.PressesForNextAsync(_maria, askCategory, "Реклама");
        var staleCategory = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_maria, askCategory, contractors));
        var badDate = await _host.SaysAsync(_maria, "позавчера-вчера");
        await _host.NextAfterAsync(_maria, badDate);
        var askProject = await _host.SaysAsync(_maria, "21.11.2026");
        var unknown = await _host.SaysAsync(_maria, "PRJ-9999");
        var projectAgain = await _host.NextAfterAsync(_maria, unknown);
        var askComment = await _host.PressesForNextAsync(_maria, projectAgain, Skip);
        var card = await _host.PressesForNextAsync(_maria, askComment, Skip);
        var submit = card.Button(Submit)!.CallbackData!;
        var cancelled = await _host.PressesAsync(_maria, card, "✖️ Отменить");
        var afterCancel = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_maria, card, submit));

        Assert.Equal("Не понимаю сумму «сто рублей». Напишите одно число и, если нужно, валюту, например: 150 000,50 или 1 200 $", words.Text);
        Assert.Equal("Какая сумма? Например: 150 000,50 или $1,200.", askedAgain.Text);
        Assert.Equal("Сумма не может быть отрицательной. Напишите её без минуса, например: 150 000,50", negative.Text);
        Assert.Equal("Эта кнопка устарела.", staleCategory.Text);
        Assert.Equal("Не понял дату «позавчера-вчера». Пример: 30.11 или 30.11.2026.", badDate.Text);
        Assert.StartsWith("К какому проекту относится?", askProject.Text, StringComparison.Ordinal);
        Assert.Equal("Проекта «PRJ-9999» нет. Напишите номер как PRJ-0001 или нажмите «Пропустить».", unknown.Text);
        Assert.Contains("Статья: Реклама (переменный)\nДата: 21.11.2026\nПроект: —", card.Text, StringComparison.Ordinal);
        Assert.Equal("🚫 Отменено — ничего не записано.", cancelled.Text);
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).EndsWith("\n\n🚫 Отменено — ничего не записано.", StringComparison.Ordinal));
        Assert.Equal("Эта кнопка устарела.", afterCancel.Text);
        Assert.Empty(await EntriesAsync());
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Someone_who_does_not_keep_the_books_is_told_who_does_and_no_dialog_starts()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");

        var refused = await _host.SaysAsync(olga, "/income");

        Assert.Equal("Доходы и расходы записывают директор, операционный и финансовый менеджеры, бухгалтерия и администратор.", refused.Text);
        Assert.Null(await _host.Get<IConversationStore>().GetAsync(olga.Id, olga.Id, default));
        Assert.Empty(await EntriesAsync());
    }
}
