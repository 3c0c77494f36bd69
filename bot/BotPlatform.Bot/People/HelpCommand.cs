using BotPlatform.Bot.Routing;
using BotPlatform.Core.Localization;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.People;

/// <summary>/help, and the command list Telegram shows in its menu (setMyCommands), in both languages.</summary>
public sealed class HelpCommand : ICommandHandler
{
    public static readonly IReadOnlyList<(string Command, Text Description)> Everyone =
    [
        ("start", new("Начать работу с ботом", "Start using the bot")),
        ("pay", new("Заявка на оплату", "Payment request")),
        ("contract", new("Согласовать договор", "Contract approval")),
        ("client", new("Клиенты: /client new, /client import, /client ИНН или название",
            "Clients: /client new, /client import, /client TAX-ID or name")),
        ("deal", new("Сделки: /deal new, /deal СДЛ-2026-0001", "Deals: /deal new, /deal СДЛ-2026-0001")),
        ("inbox", new("Что ждёт моего решения", "What waits for my decision")),
        ("my", new("Мои заявки", "My requests")),
        ("request", new("Заявка по номеру: /request ЗО-2026-0001", "A request by number: /request ЗО-2026-0001")),
        ("find", new("Поиск заявок: /find Ромашка", "Find requests: /find Acme")),
        ("generate", new("Документы по сделке: /generate СДЛ-2026-0001", "A deal's documents: /generate СДЛ-2026-0001")),
        ("docs", new("Реестр документов: /docs status=согласован client=Ромашка", "Document registry: /docs status=approved client=Acme")),
        ("doc", new("Документ: /doc Д-2026-0001 [submit|edit|annul ПРИЧИНА]", "A document: /doc Д-2026-0001 [submit|edit|annul REASON]")),
        ("envelope", new("Опись вложения: /envelope Д-2026-0001 СЧ-2026-0001", "Envelope inventory: /envelope Д-2026-0001 СЧ-2026-0001")),
        ("template", new("Шаблоны документов; образец: /template КОД preview; новая версия: /template КОД", "Document templates; a sample: /template CODE preview; a new version: /template CODE")),
        ("route", new("Маршрутный лист (PDF): /route ЗО-2026-0001 или номер документа", "Route sheet (PDF): /route ЗО-2026-0001 or a document number")),
        ("stats", new("Аналитика: /stats [неделя|месяц|квартал] [согласования|документы]", "Analytics: /stats [week|month|quarter] [approvals|documents]")),
        ("register", new("Реестр платежей: /register [ДД.ММ.ГГГГ]", "Payment register: /register [DD.MM.YYYY]")),
        ("whoami", new("Кто я: отдел, роли, язык", "Who am I: department, roles, language")),
        ("lang", new("Язык: /lang ru или /lang en", "Language: /lang ru or /lang en")),
        ("away", new("Отсутствие и замещающий: /away 25.12 @коллега", "Away with a substitute: /away 25.12 @colleague")),
        ("cancel", new("Выйти из текущего диалога", "Leave the current dialog")),
        ("help", new("Список команд", "List of commands")),
    ];

    public static readonly IReadOnlyList<(string Command, Text Description)> Admins =
    [
        ("invite", new("Приглашение: /invite РОЛЬ [ОТДЕЛ]", "Invite: /invite ROLE [DEPARTMENT]")),
        ("admin", new("Состояние бота: сбои, заблокировавшие бота", "Bot health: failures, people who blocked the bot")),
    ];

    private static readonly Text Title = new("Команды:", "Commands:");

    public string Command => "help";
    public bool OpenToEveryone => true;

    public Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        var lines = Everyone.AsEnumerable();
        if (context.Person?.Has(Role.Admin) == true) lines = lines.Concat(Admins);
        context.Reply(Title.In(context.Lang) + "\n" + string.Join("\n", lines.Select(c => $"/{c.Command} — {c.Description.In(context.Lang)}")));
        return Task.CompletedTask;
    }
}
