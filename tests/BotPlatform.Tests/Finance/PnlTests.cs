using BotPlatform.Core.Finance.Ledger;
using BotPlatform.Testing;
using BotPlatform.Tests.Approvals;
using BotPlatform.Tests.Support;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BotPlatform.Tests.Finance;

/// <summary>
/// /pnl over two projects with income, expenses and an upsell, against this table worked out by hand for November 2026:
/// <code>
///            sale     upsells  income   expenses   profit     paid to date  owed
/// PRJ-0001   100 000  30 000   130 000   60 000.50  69 999.50  130 000        0     (retainer 100 000 × 1 month; upsell deal 30 000)
/// PRJ-0002   250 000       0   125 000   80 000     45 000     150 000    100 000   (deal 250 000; 25 000 paid in October)
/// no project       0       0         0   50 000    -50 000           0        0     (office rent)
/// total      350 000  30 000   255 000  190 000.50  64 999.50  280 000    100 000
/// </code>
/// Left out: 10 000 paid on 2 December (after the period), 200 USD of expenses (another currency).
/// </summary>
public sealed class PnlTests : IAsyncLifetime
{
    private static readonly DateTimeOffset December = new(2026, 12, 3, 7, 0, 0, TimeSpan.Zero);
    private BotHost _host = null!;
    private FakeUser _director = null!;

    public async Task InitializeAsync()
    {
        _host = await BotHost.StartAsync(now: December);
        _director = await _host.JoinedAsync("Сергей", "dir_sergey");
        var romashka = await _host.ClientAsync("ООО «Ромашка»", "7736207543");
        var lyutik = await _host.ClientAsync("ООО «Лютик»", "7707083893");
        var upsell = await _host.DealAsync(romashka, "СДЛ-2026-0002", 30_000m);
        var site = await _host.DealAsync(lyutik, "СДЛ-2026-0003", 250_000m);
        var smm = await _host.ProjectAsync(romashka, "PRJ-0001", "SMM Ромашка", retainer: 100_000m, upsells: [upsell]);
        var web = await _host.ProjectAsync(lyutik, "PRJ-0002", "Сайт Лютик", deal: site, start: new DateOnly(2026, 10, 1));
        var ledger = _host.Get<ILedgerStore>();
        foreach (var (kind, day, amount, project, currency) in new (LedgerKind, DateOnly, decimal, long?, string)[]
                 {
                     (LedgerKind.Income, new(2026, 11, 5), 100_000m, smm.Id, "RUB"),
                     (LedgerKind.Income, new(2026, 11, 20), 30_000m, smm.Id, "RUB"),
                     (LedgerKind.Expense, new(2026, 11, 10), 45_000m, smm.Id, "RUB"),
                     (LedgerKind.Expense, new(2026, 11, 12), 15_000.50m, smm.Id, "RUB"),
                     (LedgerKind.Expense, new(2026, 11, 13), 200m, smm.Id, "USD"),
                     (LedgerKind.Income, new(2026, 12, 2), 10_000m, smm.Id, "RUB"),
                     (LedgerKind.Income, new(2026, 10, 28), 25_000m, web.Id, "RUB"),
                     (LedgerKind.Income, new(2026, 11, 15), 125_000m, web.Id, "RUB"),
                     (LedgerKind.Expense, new(2026, 11, 18), 80_000m, web.Id, "RUB"),
                     (LedgerKind.Expense, new(2026, 11, 2), 50_000m, null, "RUB"),
                 })
        {
            await ledger.InsertAsync(new LedgerEntry
            {
                Kind = kind, Date = day, Amount = amount, Currency = currency, Category = kind == LedgerKind.Income ? "services" : "ads",
                Nature = project is null ? CostNature.Fixed : CostNature.Variable, ProjectId = project, ClientId = project == smm.Id ? romashka.Id : project is null ? null : lyutik.Id, Counterparty = "—", EnteredBy = 1,
                EnteredAt = December,
            }, default);
        }
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static readonly (string Number, decimal Sale, decimal Upsells, decimal Income, decimal Expenses, decimal Profit, decimal Paid, decimal Owed)[] Expected =
    [
        ("PRJ-0001", 100_000m, 30_000m, 130_000m, 60_000.50m, 69_999.50m, 130_000m, 0m),
        ("PRJ-0002", 250_000m, 0m, 125_000m, 80_000m, 45_000m, 150_000m, 100_000m),
        ("Без проекта", 0m, 0m, 0m, 50_000m, -50_000m, 0m, 0m),
    ];

    [Fact]
    public async Task The_numbers_equal_the_table_worked_out_by_hand()
    {
        var report = (await _host.Get<ProfitAndLoss>().BuildAsync("", new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), default)).Value!;

        Assert.Equal(Expected.Take(2), report.Rows.Select(r => (r.Number, r.SalePrice, r.Upsells, r.Income, r.Expenses, r.Profit, r.PaidToDate, r.Owed)));
        Assert.Equal((0m, 50_000m), (report.Unassigned!.Income, report.Unassigned.Expenses));
        var total = report.Total;
        Assert.Equal((350_000m, 30_000m, 255_000m, 190_000.50m, 64_999.50m, 280_000m, 100_000m),
            (total.SalePrice, total.Upsells, total.Income, total.Expenses, total.Profit, total.PaidToDate, report.TotalOwed));
        Assert.Equal(1, report.OtherCurrencyEntries);
    }

    [Fact]
    public async Task The_director_gets_the_message_the_workbook_with_formulas_and_the_chart()
    {
        var message = await _host.SaysAsync(_director, "/pnl 2026-11");
        var file = await _host.Tg.WaitForBotMessageAsync(_director.PrivateChat, m => m.Document is not null);
        var chart = await _host.Tg.WaitForBotMessageAsync(_director.PrivateChat, m => m.Photo is not null);

        Assert.Equal(
            "📊 Прибыли и убытки: все проекты, 01.11.2026–30.11.2026\n\n"
            + "PRJ-0001 «SMM Ромашка» — ООО «Ромашка»\nПродажа: 100\u00A0000,00\u00A0₽ · допродажи: 30\u00A0000,00\u00A0₽\n"
            + "Доход: 130\u00A0000,00\u00A0₽ · расходы: 60\u00A0000,50\u00A0₽ · прибыль: 69\u00A0999,50\u00A0₽\nКлиент должен: 0,00\u00A0₽\n\n"
            + "PRJ-0002 «Сайт Лютик» — ООО «Лютик»\nПродажа: 250\u00A0000,00\u00A0₽ · допродажи: 0,00\u00A0₽\n"
            + "Доход: 125\u00A0000,00\u00A0₽ · расходы: 80\u00A0000,00\u00A0₽ · прибыль: 45\u00A0000,00\u00A0₽\nКлиент должен: 100\u00A0000,00\u00A0₽\n\n"
            + "Без проекта\nДоход: 0,00\u00A0₽ · расходы: 50\u00A0000,00\u00A0₽ · прибыль: -50\u00A0000,00\u00A0₽\n\n"
            + "Итого: продано 380\u00A0000,00\u00A0₽, доход 255\u00A0000,00\u00A0₽, расходы 190\u00A0000,50\u00A0₽, прибыль 64\u00A0999,50\u00A0₽, клиенты должны 100\u00A0000,00\u00A0₽\n"
            + "Из расходов постоянные: 50\u00A0000,00\u00A0₽, переменные: 140\u00A0000,50\u00A0₽\n"
            + "Записей в других валютах: 1 — в расчёт в RUB не вошли.",
            message.Text);
        Assert.Equal("Прибыли и убытки 2026-11-30.xlsx", file.Document!.FileName);
        var sheet = Read(file.Document.Content);
        Assert.Equal(["Проект", "Название", "Клиент", "Продажа", "Допродажи", "Доход", "Расходы", "Прибыль", "Оплачено всего", "Долг клиента"], sheet[0].Select(c => c.Text));
        Assert.Equal(Expected, sheet.Skip(1).Take(3).Select(r => (r[0].Text!, r[3].Number!.Value, r[4].Number!.Value, r[5].Number!.Value, r[6].Number!.Value,
            r[7].Number!.Value, r[8].Number!.Value, r[9].Number!.Value)));
        Assert.Equal(("F2-G2", "MAX(0,D2+E2-I2)"), (sheet[1][7].Formula, sheet[1][9].Formula));
        var total = sheet[4];
        Assert.Equal("Итого", total[0].Text);
        Assert.Equal(["SUM(D2:D4)", "SUM(E2:E4)", "SUM(F2:F4)", "SUM(G2:G4)", "SUM(H2:H4)", "SUM(I2:I4)", "SUM(J2:J4)"], total.Skip(3).Select(c => c.Formula ?? ""));
        Assert.Equal([350_000m, 30_000m, 255_000m, 190_000.50m, 64_999.50m, 280_000m, 100_000m], total.Skip(3).Select(c => c.Number ?? -1));
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, chart.Photo!.Content[..4]);
        Assert.Equal("Прибыль по проектам за период", chart.Caption);
        _host.AssertNoInvalidCalls();
    }

    [Fact]
    public async Task One_project_or_one_clients_projects_are_shown_alone()
    {
        var project = await _host.SaysAsync(_director, "/pnl PRJ-0002 2026-11");
        var client = await _host.SaysAsync(_director, "/pnl Ромашка 11.2026", m => m.Text?.StartsWith("📊") == true);

        Assert.StartsWith("📊 Прибыли и убытки: PRJ-0002 Сайт Лютик, 01.11.2026–30.11.2026\n\nPRJ-0002", project.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRJ-0001", project.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Без проекта", project.Text, StringComparison.Ordinal);
        Assert.EndsWith("Итого: продано 250\u00A0000,00\u00A0₽, доход 125\u00A0000,00\u00A0₽, расходы 80\u00A0000,00\u00A0₽, прибыль 45\u00A0000,00\u00A0₽, клиенты должны 100\u00A0000,00\u00A0₽\n"
            + "Из расходов постоянные: 0,00\u00A0₽, переменные: 80\u00A0000,00\u00A0₽",
            project.Text, StringComparison.Ordinal);
        Assert.StartsWith("📊 Прибыли и убытки: ООО «Ромашка», 01.11.2026–30.11.2026\n\nPRJ-0001", client.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("PRJ-0002", client.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_without_the_right_a_wrong_period_and_an_unknown_name_are_answered_with_nothing_sent()
    {
        var olga = await _host.JoinedAsync("Ольга", "emp_olga");
        var accountant = await _host.JoinedAsync("Нина", "acc_nina");

        var employee = await _host.SaysAsync(olga, "/pnl 2026-11");
        var notReader = await _host.SaysAsync(accountant, "/pnl");
        var period = await _host.SaysAsync(_director, "/pnl PRJ-0001 13.2026");
        var unknown = await _host.SaysAsync(_director, "/pnl Незнакомец 2026-11");
        await _host.IdleAsync();

        Assert.Equal("Прибыли и убытки видят директор, операционный и финансовый менеджеры и администратор.", employee.Text);
        Assert.Equal(employee.Text, notReader.Text);
        Assert.Equal("Не понял период «13.2026». Примеры: 2026-11, 11.2026, 2026, 01.11.2026-15.11.2026.", period.Text);
        Assert.Equal("Не нашёл ни проекта, ни клиента «Незнакомец». Пример: /pnl PRJ-0001 2026-11 или /pnl Ромашка 2026.", unknown.Text);
        Assert.DoesNotContain(_host.Tg.BotMessages(_director.PrivateChat), m => m.Document is not null || m.Photo is not null);
    }

    private sealed record ReadCell(string? Text, decimal? Number, string? Formula);

    /// <summary>The workbook read back with the library that wrote it: every row's cells, text or number, with their formulas.</summary>
    private static List<List<ReadCell>> Read(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!.WorksheetParts.Single();
        return part.Worksheet.Descendants<Row>().Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.InlineString
                ? new ReadCell(cell.InlineString!.InnerText, null, null)
                : new ReadCell(null, decimal.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture), cell.CellFormula?.Text))
            .ToList()).ToList();
    }
}
