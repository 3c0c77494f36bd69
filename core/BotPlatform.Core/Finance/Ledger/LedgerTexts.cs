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
    public static readonly Text Cancelled = new("🚫 Отменено — ничего не записано.", "🚫 Cancelled: nothing was recorded.");
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
    public static readonly Text NatureLine = new("Из расходов постоянные: {0}, переменные: {1}", "Of the expenses fixed: {0}, variable: {1}");
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

    // What a project was sold for: /project NUMBER retainer | upsell.
    public static readonly Text SalesUsage = new(
        "Продажа проекта:\n/project НОМЕР retainer СУММА — абонентская плата в месяц (off — убрать)\n"
        + "/project НОМЕР upsell СДЕЛКА — привязать допродажу (сделку того же клиента)\n/project НОМЕР upsell СДЕЛКА off — отвязать",
        "What the project was sold for:\n/project NUMBER retainer AMOUNT: the monthly retainer (off clears it)\n"
        + "/project NUMBER upsell DEAL: link an upsell (a deal of the same client)\n/project NUMBER upsell DEAL off: unlink it");
    public static readonly Text RetainerSet = new("✅ {0}: абонентская плата {1} в месяц.", "✅ {0}: retainer {1} a month.");
    public static readonly Text RetainerCleared = new("✅ {0}: абонентская плата убрана, ценой продажи считается сумма сделки.",
        "✅ {0}: the retainer is cleared; the deal's total is the sale price.");
    public static readonly Text RetainerUnchanged = new("Ничего не изменилось: у {0} уже такая абонентская плата.", "Nothing changed: {0} already has that retainer.");
    public static readonly Text UpsellLinked = new("✅ Сделка {1} привязана к {0} как допродажа.", "✅ Deal {1} is linked to {0} as an upsell.");
    public static readonly Text UpsellAlreadyLinked = new("Ничего не изменилось: сделка {1} уже допродажа {0}.", "Nothing changed: deal {1} already is an upsell of {0}.");
    public static readonly Text UpsellUnlinked = new("✅ Сделка {1} больше не допродажа {0}.", "✅ Deal {1} is no longer an upsell of {0}.");
    public static readonly Text OfferUpsell = new("У клиента есть действующие проекты. Сделка {0} — допродажа к одному из них?",
        "The client has active projects. Is deal {0} an upsell of one of them?");
    public static readonly Text LinkToProjectButton = new("📎 Привязать к {0} «{1}»", "📎 Link to {0} \"{1}\"");
    public static readonly Text CardRetainer = new("Абонентская плата: {0} в месяц", "Retainer: {0} a month");
    public static readonly Text CardUpsells = new("Допродажи: {0}", "Upsells: {0}");
    public static readonly Text SalesNotAllowed = new(
        "Цену продажи и допродажи проекта меняют его руководитель проекта, директор, операционный менеджер и администратор.",
        "A project's sale price and upsells are changed by its project manager, the director, the operations manager or an admin.");
    public static readonly Text SalesOtherCurrency = new("Абонентская плата — в валюте организации ({1}), а не в {0}.",
        "The retainer is in the organisation's currency ({1}), not {0}.");
    public static readonly Text SalesUnknownDeal = new("Сделки «{0}» нет. Напишите номер, например СДЛ-2026-0012.",
        "There is no deal \"{0}\". Write its number, e.g. СДЛ-2026-0012.");
    public static readonly Text SalesOtherClientsDeal = new("Сделка {0} — другого клиента. Допродажей может быть только сделка клиента {1}.",
        "Deal {0} belongs to another client. Only a deal of {1} can be an upsell.");
    public static readonly Text SalesOwnDeal = new("Сделка {0} — та, из которой сделан проект {1}: она уже его цена продажи.",
        "Deal {0} is the one project {1} was made from: it already is its sale price.");
    public static readonly Text SalesDealOfOtherProject = new("Сделка {0} уже относится к проекту {1}.", "Deal {0} already belongs to project {1}.");
    public static readonly Text SalesNotLinked = new("Сделка {0} не допродажа {1} — отвязывать нечего.", "Deal {0} is not an upsell of {1}: nothing to unlink.");
    public static readonly Text SalesConflict = new("Проект только что изменили. Повторите команду.", "The project was just changed. Repeat the command.");
}
