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
