using System.Text;
using BotPlatform.Bot.Routing;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Bot.Admin;

/// <summary>/admin: what needs an admin's eye - parked updates, undeliverable messages, unreachable people.</summary>
public sealed class AdminCommand(IInboxStore inbox, IOutboxStore outbox, IChatStore chats, IPeopleStore people) : ICommandHandler
{
    private static readonly Text Header = new("Состояние бота", "Bot health");
    private static readonly Text Parked = new("Необработанные обновления: {0}", "Parked updates: {0}");
    private static readonly Text Failed = new("Недоставленные сообщения: {0}", "Undelivered messages: {0}");
    private static readonly Text Unreachable = new("Недоступны (заблокировали бота или удалили из чата): {0}",
        "Unreachable (blocked the bot or removed it): {0}");
    private static readonly Text Blocked = new("заблокировал(а) бота", "blocked the bot");
    private static readonly Text Removed = new("бот удалён из группы", "the bot was removed from the group");
    private static readonly Text AllGood = new("Всё в порядке.", "All good.");

    public string Command => "admin";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (!context.Person!.Has(Role.Admin))
        {
            context.ReplyProblem(new(PeopleProblems.NotAllowed));
            return;
        }
        var lang = context.Lang;
        var parked = await inbox.ParkedAsync(10, ct);
        var failed = await outbox.FailedAsync(10, ct);
        var unreachable = await chats.UnreachableAsync(ct);
        var text = new StringBuilder(Header.In(lang));
        if (parked.Count > 0)
        {
            text.Append("\n\n").Append(Parked.In(lang, parked.Count));
            foreach (var item in parked) text.Append($"\n#{item.Id}: {FirstLine(item.LastError)}");
        }
        if (failed.Count > 0)
        {
            text.Append("\n\n").Append(Failed.In(lang, failed.Count));
            foreach (var message in failed) text.Append($"\n{message.ChatId}: {FirstLine(message.Error)}");
        }
        if (unreachable.Count > 0)
        {
            text.Append("\n\n").Append(Unreachable.In(lang, unreachable.Count));
            foreach (var chat in unreachable)
            {
                var who = chat.Id > 0 && await people.FindByTelegramIdAsync(chat.Id, ct) is { } p ? p.Name : chat.Title ?? chat.Id.ToString();
                var why = chat.UnreachableReason == ChatRecord.RemovedFromGroup ? Removed : Blocked;
                text.Append($"\n{who}: {why.In(lang)}");
            }
        }
        if (parked.Count + failed.Count + unreachable.Count == 0) text.Append("\n\n").Append(AllGood.In(lang));
        context.Reply(Truncate(text.ToString()));
    }

    private static string FirstLine(string? s)
    {
        var line = (s ?? "").Split('\n')[0].Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }

    private static string Truncate(string s) => s.Length <= 4000 ? s : s[..4000] + "…";
}
