using BotPlatform.Core.Approvals;
using BotPlatform.Core.Messaging;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;
using MiniExcelLibs;

namespace BotPlatform.Tests.Finance;

/// <summary>The payment register: sent on a payment day's morning, once; /register on demand; paying takes an item off.</summary>
public abstract class PaymentRegisterTests(StorageEngine storage) : IAsyncLifetime
{
    public sealed class LiteDb() : PaymentRegisterTests(StorageEngine.LiteDb);

    public sealed class Postgres() : PaymentRegisterTests(StorageEngine.Postgres);

    private static readonly TimeSpan Msk = TimeSpan.FromHours(3);
    private BotHost _host = null!;
    private ApprovalPeople _p = null!;
    private AttachedFile _invoice = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(storage: storage);
        _p = await ApprovalPeople.JoinAsync(_host);
        _invoice = await _host.SentFileAsync(_p.Olga);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>
    /// Monday 23.11: five payments filed. Three approved by the head and the finance manager: two with no
    /// due date (payment day: Tuesday 24.11), one due Friday 27.11. One only approved by the head, one
    /// rejected: neither is in any register.
    /// </summary>
    private async Task<Dictionary<string, ApprovalRequest>> ArrangeAsync()
    {
        var ads = await ApprovedAsync("ООО Ромашка", 150_000m, "RUB", "ads", null);
        var soft = await ApprovedAsync("JetBrains s.r.o.", 1_200m, "USD", "software", null);
        var later = await ApprovedAsync("ИП Васильев", 30_000m, "RUB", "contractors", new DateOnly(2026, 11, 27));
        var halfway = await FiledAsync("ООО Незавершённая", 5_000m, "RUB", "ads", null);
        await _host.DecidedAsync(halfway, _p.Igor, StepDecision.Approve);
        var rejected = await FiledAsync("ООО Отказ", 7_000m, "RUB", "ads", null);
        await _host.DecidedAsync(rejected, _p.Igor, StepDecision.Reject, "Нет бюджета");
        return new() { ["ads"] = ads, ["soft"] = soft, ["later"] = later };
    }

    [Fact]
    public async Task On_a_payment_day_morning_the_chief_accountant_and_the_finance_manager_get_the_register_once_with_its_xlsx()
    {
        await ArrangeAsync();

        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 8, 59, 0, Msk));
        Assert.Empty(_host.BotSaid(_p.Chief, "💳 Реестр платежей"));
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 9, 0, 0, Msk));

        foreach (var reader in new[] { _p.Chief, _p.Maria })
        {
            var message = Assert.Single(_host.BotSaid(reader, "💳 Реестр платежей на 24.11.2026"), m => m.Text is not null);
            Assert.Contains("К оплате: 2, из них просрочено: 0", message.Text);
            Assert.Contains("▪️ Реклама\n• ЗО-2026-0001 · ООО Ромашка · 150\u00A0000,00\u00A0₽ · срок 24.11.2026 · Ольга Сотрудникова\nИтого по статье: 150\u00A0000,00\u00A0₽",
                message.Text);
            Assert.Contains("▪️ Программное обеспечение\n• ЗО-2026-0002 · JetBrains s.r.o. · 1\u00A0200,00\u00A0$ · срок 24.11.2026", message.Text);
            Assert.Contains("Итого по реестру: 150\u00A0000,00\u00A0₽; 1\u00A0200,00\u00A0$", message.Text);
            Assert.DoesNotContain("ЗО-2026-0003", message.Text);
            Assert.DoesNotContain("Незавершённая", message.Text);
            Assert.DoesNotContain("Отказ", message.Text);
            var file = Assert.Single(_host.Tg.BotMessages(reader.PrivateChat), m => m.Document?.FileName == "Реестр платежей 2026-11-24.xlsx");
            var rows = Rows(file.Document!.Content);
            Assert.Equal(
                [
                    ("Реклама", "ЗО-2026-0001", "ООО Ромашка", 150_000m, "RUB", new DateTime(2026, 11, 24), "Ольга Сотрудникова", "нет"),
                    ("Программное обеспечение", "ЗО-2026-0002", "JetBrains s.r.o.", 1_200m, "USD", new DateTime(2026, 11, 24), "Ольга Сотрудникова", "нет"),
                ],
                rows);
        }
        Assert.Equal(["💳 Оплачено ЗО-2026-0001", "💳 Оплачено ЗО-2026-0002"],
            _host.BotSaid(_p.Chief, "💳 Реестр платежей").Single(m => m.Text is not null).Buttons.Select(b => b.Text));
        Assert.Empty(_host.BotSaid(_p.Maria, "💳 Реестр платежей").Single(m => m.Text is not null).Buttons);

        await _host.RestartAsync();
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 12, 0, 0, Msk));
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 25, 9, 0, 0, Msk));

        Assert.Single(_host.BotSaid(_p.Chief, "💳 Реестр платежей"), m => m.Text is not null);
        Assert.Single(_host.BotSaid(_p.Maria, "💳 Реестр платежей"), m => m.Text is not null);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task A_payment_marked_paid_from_the_register_leaves_the_next_one_the_unpaid_are_overdue_and_the_past_register_is_kept()
    {
        await ArrangeAsync();
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 24, 9, 0, 0, Msk));
        var register = _host.BotSaid(_p.Chief, "💳 Реестр платежей").Single(m => m.Text is not null);

        var refused = await _host.PressesAsync(_p.Maria, register, "💳 Оплачено ЗО-2026-0001");
        var paid = await _host.PressesAsync(_p.Chief, register, "💳 Оплачено ЗО-2026-0001");
        await _host.IdleAsync();
        await _host.AdvanceToAsync(new DateTimeOffset(2026, 11, 26, 9, 0, 0, Msk));

        Assert.Equal("Это решение не ваше: ЗО-2026-0001 ждёт другого человека.", refused.Text);
        Assert.Equal("Принято: ЗО-2026-0001", paid.Text);
        var thursday = _host.BotSaid(_p.Chief, "💳 Реестр платежей на 26.11.2026").Single(m => m.Text is not null);
        Assert.DoesNotContain("ЗО-2026-0001", thursday.Text);
        Assert.Contains("К оплате: 1, из них просрочено: 1", thursday.Text);
        Assert.Contains("• ЗО-2026-0002 · JetBrains s.r.o. · 1\u00A0200,00\u00A0$ · срок 24.11.2026 · Ольга Сотрудникова · ⚠️ просрочено", thursday.Text);
        var file = _host.Tg.BotMessages(_p.Chief.PrivateChat).Single(m => m.Document?.FileName == "Реестр платежей 2026-11-26.xlsx");
        Assert.Equal("да", Assert.Single(Rows(file.Document!.Content)).Overdue);

        var kept = await _host.SaysAsync(_p.Chief, "/register 24.11.2026", m => m.Text?.StartsWith("💳") == true);
        Assert.Contains("(отправлен 24.11.2026 09:00, как был)", kept.Text);
        Assert.Contains("ЗО-2026-0001", kept.Text);
        Assert.Contains("ЗО-2026-0002", kept.Text);
        Assert.Empty(kept.Buttons);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task Register_on_demand_shows_a_coming_day_as_it_stands_and_refuses_people_who_may_not_see_it()
    {
        await ArrangeAsync();

        var friday = await _host.SaysAsync(_p.Maria, "/register 27.11.2026", m => m.Text?.StartsWith("💳") == true);
        var employee = await _host.SaysAsync(_p.Olga, "/register");
        var wrongDate = await _host.SaysAsync(_p.Chief, "/register вчера-позавчера");
        var noneSent = await _host.SaysAsync(_p.Chief, "/register 20.11.2026");

        Assert.Contains("К оплате: 3, из них просрочено: 2", friday.Text);
        Assert.Contains("▪️ Подрядчики\n• ЗО-2026-0003 · ИП Васильев · 30\u00A0000,00\u00A0₽ · срок 27.11.2026", friday.Text);
        var file = await _host.Tg.WaitForBotMessageAsync(_p.Maria.PrivateChat, m => m.Document?.FileName == "Реестр платежей 2026-11-27.xlsx");
        Assert.Equal(["ЗО-2026-0001", "ЗО-2026-0003", "ЗО-2026-0002"], Rows(file.Document!.Content).Select(r => r.Number));
        Assert.StartsWith("Реестр платежей видят главный бухгалтер", employee.Text);
        Assert.Equal("Не понял дату «вчера-позавчера». Пример: /register 24.11.2026", wrongDate.Text);
        Assert.StartsWith("За 20.11.2026 реестр не отправлялся", noneSent.Text);
        _host.AssertNoInvalidCalls();
    }

    private static List<(string CostItem, string Number, string Counterparty, decimal Amount, string Currency, DateTime Due, string Initiator,
        string Overdue)> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true, sheetName: "Платежи").Cast<IDictionary<string, object>>()
            .Select(r => ((string)r["Статья расходов"], (string)r["Номер заявки"], (string)r["Контрагент"], Convert.ToDecimal(r["Сумма"]),
                (string)r["Валюта"], (DateTime)r["Срок оплаты"], (string)r["Инициатор"], (string)r["Просрочено"]))
            .ToList();
    }

    private async Task<ApprovalRequest> ApprovedAsync(string counterparty, decimal amount, string currency, string costItem, DateOnly? due)
    {
        var r = await FiledAsync(counterparty, amount, currency, costItem, due);
        await _host.DecidedAsync(r, _p.Igor, StepDecision.Approve);
        return await _host.DecidedAsync(r, _p.Maria, StepDecision.Approve);
    }

    private async Task<ApprovalRequest> FiledAsync(string counterparty, decimal amount, string currency, string costItem, DateOnly? due)
    {
        var draft = new RequestDraft(RequestKind.Payment, counterparty, amount, currency, costItem, due, null, null, [_invoice]);
        var result = await _host.Get<ApprovalEngine>().SubmitAsync(draft, await _host.PersonAsync(_p.Olga),
            new Outgoing($"test:{Guid.NewGuid():N}", _host.Time), null, default);
        await _host.IdleAsync();
        return result.Value ?? throw new InvalidOperationException(result.Problem!.ToString());
    }
}
