using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Finance.Ledger;

public static class LedgerTexts
{
    public static readonly Text IncomeIntro = new("💰 Новое поступление. Выйти в любой момент — /cancel.", "💰 New income. Leave at any time with /cancel.");
    public static readonly Text ExpenseIntro = new("💸 Новый расход. Выйти в любой момент — /cancel.", "💸 New expense. Leave at any time with /cancel.");
    public static readonly Text CheckIncome = new("Проверьте поступление:", "Check the income:");
    public static readonly Text CheckExpense = new("Проверьте расход:", "Check the expense:");
    public static readonly Text AskPayer = new("От кого поступили деньги? Напишите название контрагента.", "Who paid? Write the counterparty's name.");
    public static readonly Text AskPayee = new("Кому заплатили? Напишите название контрагента.", "Who was paid? Write the counterparty's name.");
    public static readonly Text AskAmount = new("Какая сумма? Например: 150 000,50 или $1,200.", "What amount? For example: 150,000.50 or $1,200.");
    public static readonly Text AskCategory = new("Выберите статью:", "Choose the category:");
    public static readonly Text AskDate = new("Какого числа? Например: 30.11 или 30.11.2026. Сегодня — нажмите «Пропустить».",
        "On what date? For example: 30.11 or 30.11.2026. Today: press Skip.");
    public static readonly Text AskProject = new("К какому проекту относится? Напишите номер, например PRJ-0001, или нажмите «Пропустить».",
        "Which project is it for? Write its number, e.g. PRJ-0001, or press Skip.");
    public static readonly Text FieldCategory = new("Статья", "Category");
    public static readonly Text FieldDate = new("Дата", "Date");
    public static readonly Text FieldProject = new("Проект", "Project");
    public static readonly Text CategoryLine = new("Статья: {0}", "Category: {0}");
    public static readonly Text DateLine = new("Дата: {0:dd.MM.yyyy}", "Date: {0:dd.MM.yyyy}");
    public static readonly Text TodayLine = new("Дата: сегодня", "Date: today");
    public static readonly Text ProjectLineShort = new("Проект: {0}", "Project: {0}");
    public static readonly Text NoProjectLine = new("Проект: —", "Project: —");
    public static readonly Text Fixed = new("постоянный", "fixed");
    public static readonly Text Variable = new("переменный", "variable");
    public static readonly Text IncomeRecorded = new("✅ Поступление записано: {0} от {1}, {2:dd.MM.yyyy}.", "✅ Income recorded: {0} from {1}, {2:dd.MM.yyyy}.");
    public static readonly Text ExpenseRecorded = new("✅ Расход записан: {0} — {1}, {2:dd.MM.yyyy}.", "✅ Expense recorded: {0} to {1}, {2:dd.MM.yyyy}.");
    public static readonly Text RecordedAnswer = new("Записано", "Recorded");

    public static readonly Text NotAllowed = new(
        "Доходы и расходы записывают директор, операционный и финансовый менеджеры, бухгалтерия и администратор.",
        "Income and expenses are recorded by the director, the operations and finance managers, accountants and admins.");
    public static readonly Text UnknownCategory = new("Такой статьи нет в списке организации. Выберите из кнопок.",
        "There is no such category in the organisation's list. Choose one of the buttons.");
    public static readonly Text UnknownProject = new("Проекта «{0}» нет. Напишите номер как PRJ-0001 или нажмите «Пропустить».",
        "There is no project \"{0}\". Write a number like PRJ-0001 or press Skip.");
    public static readonly Text BadDate = new("Не понял дату «{0}». Пример: 30.11 или 30.11.2026.", "I could not read the date \"{0}\". Example: 30.11 or 30.11.2026.");

    public static readonly Text PnlNotAllowed = new("Прибыли и убытки видят директор, операционный и финансовый менеджеры и администратор.",
        "Profit and loss is for the director, the operations and finance managers and admins.");
    public static readonly Text PnlNotFound = new("Не нашёл ни проекта, ни клиента «{0}». Пример: /pnl PRJ-0001 2026-11 или /pnl Ромашка 2026.",
        "Found no project or client \"{0}\". Example: /pnl PRJ-0001 2026-11 or /pnl Romashka 2026.");
    public static readonly Text PnlBadPeriod = new("Не понял период «{0}». Примеры: 2026-11, 11.2026, 2026, 01.11.2026-15.11.2026.",
        "I could not read the period \"{0}\". Examples: 2026-11, 11.2026, 2026, 01.11.2026-15.11.2026.");
    public static readonly Text PnlHeader = new("📊 Прибыли и убытки: {0}, {1}", "📊 Profit and loss: {0}, {1}");
    public static readonly Text AllProjects = new("все проекты", "all projects");
    public static readonly Text PeriodRange = new("{0:dd.MM.yyyy}–{1:dd.MM.yyyy}", "{0:dd.MM.yyyy}–{1:dd.MM.yyyy}");
    public static readonly Text PeriodUpTo = new("по {0:dd.MM.yyyy}", "up to {0:dd.MM.yyyy}");
    public static readonly Text PnlEmpty = new("За этот период записей нет.", "No entries in this period.");
    public static readonly Text ProjectLine = new("{0} «{1}» — {2}", "{0} \"{1}\" — {2}");
    public static readonly Text SoldLine = new("Продажа: {0} · допродажи: {1}", "Sale price: {0} · upsells: {1}");
    public static readonly Text MoneyLine = new("Доход: {0} · расходы: {1} · прибыль: {2}", "Income: {0} · expenses: {1} · profit: {2}");
    public static readonly Text OwedLine = new("Клиент должен: {0}", "The client owes: {0}");
    public static readonly Text Unassigned = new("Без проекта", "No project");
    public static readonly Text TotalLine = new("Итого: продано {0}, доход {1}, расходы {2}, прибыль {3}, клиенты должны {4}",
        "Total: sold {0}, income {1}, expenses {2}, profit {3}, clients owe {4}");
    public static readonly Text OtherCurrencies = new("Записей в других валютах: {0} — в расчёт в {1} не вошли.",
        "Entries in other currencies: {0}, not counted in {1}.");
    public static readonly Text WorkbookName = new("Прибыли и убытки {0:yyyy-MM-dd}.xlsx", "Profit and loss {0:yyyy-MM-dd}.xlsx");
    public static readonly Text ChartTitle = new("Прибыль по проектам", "Profit by project");
    public static readonly Text ChartCaption = new("Прибыль по проектам за период", "Profit by project for the period");
    public static readonly Text Sheet = new("P&L", "P&L");
    public static readonly Text[] Columns =
    [
        new("Проект", "Project"), new("Название", "Title"), new("Клиент", "Client"), new("Продажа", "Sale price"), new("Допродажи", "Upsells"),
        new("Доход", "Income"), new("Расходы", "Expenses"), new("Прибыль", "Profit"), new("Оплачено всего", "Paid to date"),
        new("Долг клиента", "Client owes"),
    ];
    public static readonly Text TotalRow = new("Итого", "Total");
}
