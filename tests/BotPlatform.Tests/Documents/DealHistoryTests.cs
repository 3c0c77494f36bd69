using BotPlatform.Core.Documents;
using BotPlatform.Core.Printing;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;

namespace BotPlatform.Tests.Documents;

/// <summary>
/// A deal's history on /deal, as a conversation through the real host: the deal made in the dialog, its documents
/// generated, one rejected and approved, printed by the agent, scanned out and back, the invoice paid in two parts.
/// Written once, run on both storage engines.
/// </summary>
public abstract class DealHistoryTests(StorageEngine storage) : IAsyncLifetime
{
    public sealed class LiteDb() : DealHistoryTests(StorageEngine.LiteDb);

    public sealed class Postgres() : DealHistoryTests(StorageEngine.Postgres);

    private const char Nb = '\u00A0';
    private const string Deal = "СДЛ-2026-0001";
    private const string Contract = "Договор оказания услуг Д-2026-0001";
    private const string Spec = "Спецификация Д-2026-0001/П-1";
    private const string Invoice = "Счёт на оплату СЧ-2026-0001";
    private const string Olga = "Ольга Сотрудникова";
    private const string Vera = "Вера Конвертова";
    private const string Nina = "Нина Счетова";
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;
    private FakeUser _vera = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(storage: storage);
        _p = await (await ApprovalPeople.JoinAsync(_host)).WithContractApproversAsync(_host);
        _vera = await _host.JoinedAsync("Вера", "office_vera");
        await _host.ClientAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The clock moved on to this day and time of November 2026 in Moscow.</summary>
    private Task AtAsync(int day, int hour, int minute = 0)
    {
        _host.Time.SetUtcNow(new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(3)));
        return _host.IdleAsync();
    }

    /// <summary>Olga makes the deal in the dialog at 10:00 Moscow time: design, 10 hours at 3 500 ₽, no VAT.</summary>
    private async Task CreatedAsync()
    {
        await _host.SaysAsync(_p.Olga, "/deal new");
        var pick = await _host.SaysAsync(_p.Olga, "ромаш");
        await _host.PressesForNextAsync(_p.Olga, pick, "ООО «Ромашка» · 7707083893");
        await _host.SaysAsync(_p.Olga, "design");
        await _host.SaysAsync(_p.Olga, "10");
        var added = await _host.SaysAsync(_p.Olga, "3500");
        var askVat = await _host.PressesForNextAsync(_p.Olga, added, "➡️ Дальше");
        var card = await _host.PressesForNextAsync(_p.Olga, askVat, "Без НДС");
        await _host.PressesAsync(_p.Olga, card, "✅ Создать сделку");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(card).StartsWith($"✅ Сделка {Deal} создана.", StringComparison.Ordinal));
    }

    private async Task ApproveAsync(FakeUser approver, string number)
    {
        var card = _host.Tg.BotMessages(approver.PrivateChat).Last(m => m.Button("✅ Согласовать") is not null && m.Text?.Contains(number) == true);
        await _host.PressesAsync(approver, card, "✅ Согласовать");
        await _host.IdleAsync();
    }

    /// <summary>The whole life of the deal, a few minutes, hours or a day between steps.</summary>
    private async Task LivedAsync()
    {
        await CreatedAsync();
        await AtAsync(23, 11);
        await _host.SaysAsync(_p.Olga, "/generate " + Deal, m => m.Text?.Contains("сформированы") == true);
        var minute = 0;
        foreach (var number in new[] { "Д-2026-0001", "Д-2026-0001/П-1", "СЧ-2026-0001" })
        {
            await AtAsync(23, 12, minute++);
            await _host.SaysAsync(_p.Olga, $"/doc {number} submit", m => m.Text?.StartsWith("📤") == true);
        }
        await AtAsync(23, 13);
        await _host.PressesAsync(_p.Lawyer!, _host.CardWith(_p.Lawyer!, "✅ Согласовать"), "❌ Отклонить");
        await _host.Tg.WaitForBotMessageAsync(_p.Lawyer!.PrivateChat, m => m.ForceReply);
        await _host.SaysAsync(_p.Lawyer!, "Цена за час не согласована", m => m.Text?.StartsWith("Готово") == true);
        await AtAsync(23, 14);
        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001/П-1 submit", m => m.Text?.StartsWith("📤") == true);
        await AtAsync(23, 15);
        foreach (var approver in new[] { _p.Lawyer!, _p.Cto!, _p.Director! }) await ApproveAsync(approver, "Д-2026-0001/П-1");
        await AtAsync(23, 16);
        var queue = _host.Get<PrintQueue>();
        while (await queue.ClaimAsync(PrintJob.DocumentsPrinter, "office-1", TimeSpan.FromMinutes(2), default) is { } job)
            await queue.AckPrintedAsync(job.Id, "office-1", default);
        var codes = string.Join(' ', (await _host.AllDocumentsAsync()).OrderBy(d => d.Id).Select(d => d.Code));
        await AtAsync(24, 10);
        await _host.SaysAsync(_vera, "/scan out " + codes, m => m.Text?.Contains("✅") == true);
        await AtAsync(25, 10);
        await _host.SaysAsync(_vera, "/scan in " + codes, m => m.Text?.Contains("✅") == true);
        await AtAsync(25, 11);
        await _host.SaysAsync(_p.Nina, "/paid СЧ-2026-0001 10000", m => m.Text?.Contains("СЧ-2026-0001") == true);
        await AtAsync(25, 12);
        await _host.SaysAsync(_p.Nina, "/paid СЧ-2026-0001", m => m.Text?.Contains("СЧ-2026-0001") == true);
        await _host.IdleAsync();
    }

    private static readonly string[] Expected =
    [
        $"23.11.2026 10:00 🤝 Сделка создана ({Olga})",
        $"23.11.2026 11:00 📄 {Contract} — сформирован, версия 1 ({Olga})",
        $"23.11.2026 11:00 📄 {Spec} — сформирован, версия 1 ({Olga})",
        $"23.11.2026 11:00 📄 {Invoice} — сформирован, версия 1 ({Olga})",
        $"23.11.2026 12:00 ⏩ {Contract} — без согласования — в печать ({Olga})",
        $"23.11.2026 12:01 📤 {Spec} — отправлен на согласование ({Olga})",
        $"23.11.2026 12:02 ⏩ {Invoice} — без согласования — в печать ({Olga})",
        $"23.11.2026 13:00 ❌ {Spec} — отклонён (Пётр Законов). Причина: Цена за час не согласована",
        $"23.11.2026 14:00 📤 {Spec} — отправлен на согласование ({Olga})",
        $"23.11.2026 15:00 ✅ {Spec} — согласован (Сергей Директоров)",
        $"23.11.2026 16:00 🖨 {Contract} — напечатан, 2 экз. (агент office-1)",
        $"23.11.2026 16:00 🖨 {Spec} — напечатан, 2 экз. (агент office-1)",
        $"23.11.2026 16:00 🖨 {Invoice} — напечатан, 1 экз. (агент office-1)",
        $"24.11.2026 10:00 📮 {Contract} — отправлен почтой, исходящая почта: запись № 1 от 24.11.2026 ({Vera})",
        $"24.11.2026 10:00 📮 {Spec} — отправлен почтой, исходящая почта: запись № 2 от 24.11.2026 ({Vera})",
        $"24.11.2026 10:00 📮 {Invoice} — отправлен почтой, исходящая почта: запись № 3 от 24.11.2026 ({Vera})",
        $"25.11.2026 10:00 📬 {Contract} — вернулся подписанным, входящая почта: запись № 4 от 25.11.2026 ({Vera})",
        $"25.11.2026 10:00 📬 {Spec} — вернулся подписанным, входящая почта: запись № 5 от 25.11.2026 ({Vera})",
        $"25.11.2026 10:00 📬 {Invoice} — вернулся подписанным, входящая почта: запись № 6 от 25.11.2026 ({Vera})",
        "25.11.2026 10:00 📦 Все документы сделки вернулись (3): бумаги собраны",
        $"25.11.2026 11:00 💰 {Invoice} — оплата 10{Nb}000,00{Nb}₽ от 25.11.2026, частично: оплачено 10{Nb}000,00{Nb}₽ из 35{Nb}000,00{Nb}₽ ({Nina})",
        $"25.11.2026 12:00 💰 {Invoice} — оплата 25{Nb}000,00{Nb}₽ от 25.11.2026, счёт оплачен полностью ({Nina})",
    ];

    [Fact]
    public async Task The_deal_card_shows_each_step_with_who_and_when_and_the_whole_history_pages_through_and_survives_a_restart()
    {
        await LivedAsync();

        var card = await _host.SaysAsync(_p.Olga, "/deal " + Deal, m => m.Text?.StartsWith("🤝") == true);
        await _host.PressesAsync(_p.Olga, card, "📜 Вся история (22)");
        var first = await _host.Tg.WaitForBotMessageAsync(_p.Olga.PrivateChat, m => m.Text?.StartsWith("📜 История сделки") == true);
        await _host.PressesAsync(_p.Olga, first, "Позже ▶️");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(first).Contains("стр. 2 из 3"));
        var second = _host.Latest(first);
        await _host.PressesAsync(_p.Olga, _host.Tg.Message(_p.Olga.PrivateChat, first.MessageId), "Позже ▶️");
        await _host.Tg.WaitUntilAsync(() => _host.Latest(first).Contains("стр. 3 из 3"));
        var third = _host.Tg.Message(_p.Olga.PrivateChat, first.MessageId);
        await _host.RestartAsync();
        var typed = await _host.SaysAsync(_p.Olga, $"/deal {Deal} history 3", m => m.Text?.StartsWith("📜") == true);

        var tail = card.Text!.Split("\n\n").Last().Split('\n');
        Assert.Equal(["📜 История (последние 5 из 22):", .. Expected[^5..]], tail);
        Assert.Contains("Документы:\n• Договор оказания услуг Д-2026-0001 — возвращён подписанным", card.Text);
        Assert.Equal([$"📜 История сделки {Deal} — стр. 1 из 3", .. Expected[..10]], first.Text!.Split('\n'));
        Assert.Equal(["Позже ▶️"], first.Buttons.Select(b => b.Text));
        Assert.Equal([$"📜 История сделки {Deal} — стр. 2 из 3", .. Expected[10..20]], second.Split('\n'));
        Assert.Equal([$"📜 История сделки {Deal} — стр. 3 из 3", .. Expected[20..]], third.Text!.Split('\n'));
        Assert.Equal(["◀️ Раньше"], third.Buttons.Select(b => b.Text));
        Assert.Equal(third.Text, typed.Text);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task The_office_manager_and_the_accountant_see_the_deal_and_an_english_reader_gets_english_lines()
    {
        await CreatedAsync();
        await AtAsync(23, 11);
        await _host.SaysAsync(_p.Olga, "/generate " + Deal, m => m.Text?.Contains("сформированы") == true);
        await _host.SaysAsync(_p.Olga, "/doc Д-2026-0001/П-1 annul клиент передумал", m => m.Text?.StartsWith("🚫") == true);

        var office = await _host.SaysAsync(_vera, "/deal " + Deal, m => m.Text?.StartsWith("🤝") == true);
        var accountant = await _host.SaysAsync(_p.Nina, $"/deal {Deal} история", m => m.Text?.StartsWith("📜") == true);
        await _host.SaysAsync(_p.Anna, "/lang en");
        var english = await _host.SaysAsync(_p.Anna, $"/deal {Deal} history", m => m.Text?.StartsWith("📜") == true);

        Assert.Contains($"23.11.2026 11:00 🚫 {Spec} — аннулирован ({Olga}). Причина: клиент передумал", office.Text);
        Assert.Equal(6, accountant.Text!.Split('\n').Length);
        Assert.Empty(accountant.Buttons);
        Assert.Equal(
            [
                $"📜 Deal {Deal} history — page 1 of 1",
                $"23.11.2026 10:00 🤝 Deal created ({Olga})",
                $"23.11.2026 11:00 📄 {Contract} — generated, version 1 ({Olga})",
                $"23.11.2026 11:00 📄 {Spec} — generated, version 1 ({Olga})",
                $"23.11.2026 11:00 📄 {Invoice} — generated, version 1 ({Olga})",
                $"23.11.2026 11:00 🚫 {Spec} — annulled ({Olga}). Reason: клиент передумал",
            ],
            english.Text!.Split('\n'));
    }

    [Fact]
    public async Task An_unknown_deal_and_a_person_without_rights_are_answered_and_a_forged_history_button_shows_nothing()
    {
        await CreatedAsync();
        var deal = (await _host.Get<IDealStore>().FindByNumberAsync(Deal, default))!;

        var unknown = await _host.SaysAsync(_p.Olga, "/deal СДЛ-2026-0099 history");
        var stranger = await _host.SaysAsync(_p.John, "/deal " + Deal);
        var lawyer = await _host.SaysAsync(_p.Lawyer!, $"/deal {Deal} history");
        var forged = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_p.John, stranger, $"dh:{deal.Id}:1"));
        var garbage = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_p.Olga, unknown, "dh:x:1"));
        var gone = await _host.Tg.WaitForCallbackAnswerAsync(_host.Tg.PressCallbackData(_p.Olga, unknown, "dh:99999:1"));
        await _host.IdleAsync();

        Assert.Equal("Сделка «СДЛ-2026-0099» не найдена.", unknown.Text);
        Assert.Equal($"Deal {Deal} is seen by its manager, the management, accounting and the office manager.", stranger.Text);
        Assert.Equal($"Сделку {Deal} видят её менеджер, руководство, бухгалтерия и офис-менеджер.", lawyer.Text);
        Assert.Equal(stranger.Text, forged.Text);
        Assert.True(forged.ShowAlert);
        Assert.NotNull(garbage.Text);
        Assert.NotNull(gone.Text);
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.John.PrivateChat), m => m.Text?.Contains("📜") == true);
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Lawyer!.PrivateChat), m => m.Text?.Contains("📜") == true);
        Assert.DoesNotContain(_host.Tg.BotMessages(_p.Olga.PrivateChat), m => m.Text?.StartsWith("📜") == true);
    }
}
