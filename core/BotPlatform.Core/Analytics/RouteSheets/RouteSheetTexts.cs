using BotPlatform.Core.Localization;

namespace BotPlatform.Core.Analytics.RouteSheets;

public static class RouteSheetTexts
{
    public static readonly Text Title = new("Маршрутный лист", "Route sheet");
    public static readonly Text Caption = new("🧾 Маршрутный лист {0}", "🧾 Route sheet {0}");
    public static readonly Text Button = new("🧾 Маршрутный лист", "🧾 Route sheet");
    public static readonly Text Usage = new("Маршрутный лист заявки или документа: /route НОМЕР, например /route ЗО-2026-0001",
        "The route sheet of a request or a document: /route NUMBER, e.g. /route ЗО-2026-0001");
    public static readonly Text NotFound = new("Заявки или документа с номером {0} нет.", "There is no request or document numbered {0}.");
    public static readonly Text Route = new("Маршрут", "Route");
    public static readonly Text DocumentHistory = new("История документа", "Document history");
    public static readonly Text Printed = new("Сформирован {0:dd.MM.yyyy HH:mm}", "Made {0:dd.MM.yyyy HH:mm}");
    public static readonly Text NoRoute = new("Маршрута согласования нет.", "No approval route.");

    public static readonly Text ColNo = new("№", "No.");
    public static readonly Text ColStep = new("Шаг", "Step");
    public static readonly Text ColActor = new("Исполнитель", "Actor");
    public static readonly Text ColReceived = new("Получено – решено", "Received – decided");
    public static readonly Text ColHours = new("Раб. ч", "Work h");
    public static readonly Text ColDecision = new("Решение", "Decision");
    public static readonly Text ColReason = new("Причина, напоминания", "Reason, reminders");
    public static readonly Text ColWhen = new("Когда", "When");
    public static readonly Text ColWhy = new("Причина", "Reason");
    public static readonly Text ColWho = new("Кто", "Who");
    public static readonly Text ColAction = new("Действие", "Action");

    public static readonly Text ForWhom = new("за: {0}", "for: {0}");
    public static readonly Text Waiting = new("ждёт решения", "waiting");
    public static readonly Text RemindersCount = new("напоминаний: {0}", "reminders: {0}");
    public static readonly Text StrongReminder = new("настойчивое", "strong");
    public static readonly Text EscalatedAt = new("эскалация {0:dd.MM HH:mm}", "escalated {0:dd.MM HH:mm}");

    public static readonly Text FieldKind = new("Вид", "Kind");
    public static readonly Text FieldStatus = new("Статус", "Status");
    public static readonly Text FieldInitiator = new("Инициатор", "Initiator");
    public static readonly Text FieldCounterparty = new("Контрагент", "Counterparty");
    public static readonly Text FieldAmount = new("Сумма", "Amount");
    public static readonly Text FieldCostItem = new("Статья расходов", "Cost item");
    public static readonly Text FieldDue = new("Оплатить до", "Pay by");
    public static readonly Text FieldCreated = new("Создана", "Created");
    public static readonly Text FieldClient = new("Клиент", "Client");
    public static readonly Text FieldDeal = new("Сделка", "Deal");
    public static readonly Text FieldDate = new("Дата документа", "Document date");
    public static readonly Text FieldCode = new("Штрихкод", "Barcode");
    public static readonly Text FieldApproval = new("Согласование", "Approval");
    public static readonly Text FileName = new("Маршрутный лист {0}.pdf", "Route sheet {0}.pdf");
}
