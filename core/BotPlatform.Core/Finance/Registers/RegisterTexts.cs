using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Finance.Registers;

public static class RegisterTexts
{
    public static readonly Text Header = new("💳 Реестр платежей на {0:dd.MM.yyyy}", "💳 Payment register for {0:dd.MM.yyyy}");
    public static readonly Text KeptHeader = new("(отправлен {0:dd.MM.yyyy HH:mm}, как был)", "(sent {0:dd.MM.yyyy HH:mm}, as it was)");
    public static readonly Text Count = new("К оплате: {0}, из них просрочено: {1}", "To pay: {0}, overdue: {1}");
    public static readonly Text Empty = new("Оплачивать нечего: согласованных неоплаченных заявок со сроком по этот день нет.",
        "Nothing to pay: no approved unpaid requests are due by this day.");
    public static readonly Text Line = new("• {0} · {1} · {2} · срок {3:dd.MM.yyyy} · {4}", "• {0} · {1} · {2} · due {3:dd.MM.yyyy} · {4}");
    public static readonly Text OverdueMark = new("⚠️ просрочено", "⚠️ overdue");
    public static readonly Text ItemTotal = new("Итого по статье: {0}", "Cost item total: {0}");
    public static readonly Text Total = new("Итого по реестру: {0}", "Register total: {0}");
    public static readonly Text More = new("… и ещё {0} — в файле.", "… and {0} more in the file.");
    public static readonly Text PaidButton = new("💳 Оплачено {0}", "💳 Paid {0}");
    public static readonly Text Usage = new(
        "Реестр платежей: /register — на сегодня, /register ДД.ММ.ГГГГ — на другой день (прошедший — как был отправлен).",
        "Payment register: /register for today, /register DD.MM.YYYY for another day (a past one as it was sent).");
    public static readonly Text NotAllowed = new(
        "Реестр платежей видят главный бухгалтер, бухгалтеры, финансовый менеджер, директор и администратор.",
        "The payment register is for the chief accountant, accountants, the finance manager, the director and admins.");
    public static readonly Text NoneSent = new("За {0:dd.MM.yyyy} реестр не отправлялся: это был не платёжный день или бот не работал весь день.",
        "No register was sent for {0:dd.MM.yyyy}: it was not a payment day, or the bot was down all day.");
    public static readonly Text BadDate = new("Не понял дату «{0}». Пример: /register 24.11.2026", "I could not read the date \"{0}\". Example: /register 24.11.2026");

    public static readonly Text ColCostItem = new("Статья расходов", "Cost item");
    public static readonly Text ColNumber = new("Номер заявки", "Request");
    public static readonly Text ColCounterparty = new("Контрагент", "Counterparty");
    public static readonly Text ColAmount = new("Сумма", "Amount");
    public static readonly Text ColCurrency = new("Валюта", "Currency");
    public static readonly Text ColDue = new("Срок оплаты", "Due");
    public static readonly Text ColInitiator = new("Инициатор", "Initiator");
    public static readonly Text ColOverdue = new("Просрочено", "Overdue");
    public static readonly Text SheetPayments = new("Платежи", "Payments");
    public static readonly Text SheetTotals = new("Итоги", "Totals");
    public static readonly Text Yes = new("да", "yes");
    public static readonly Text No = new("нет", "no");
    public static readonly Text FileName = new("Реестр платежей {0:yyyy-MM-dd}.xlsx", "Payment register {0:yyyy-MM-dd}.xlsx");
}
