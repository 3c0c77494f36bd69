using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;
using BotPlatform.Core.Projects;
using global::Telegram.Bot.Types;
using global::Telegram.Bot.Types.Enums;

namespace BotPlatform.Bot.Projects;

/// <summary>
/// /link PROJECT in the client's group, and /start PROJECT there (the startgroup deep link of the project
/// card): the project's PM links the group. The group gets a greeting written for the client; the PM
/// hears privately that it worked and, when privacy mode hides ordinary messages from the bot, how to turn it off.
/// </summary>
public sealed class GroupLinking(ProjectDesk desk, ProjectGroups groups, IChatStore chats) : IGroupStartHandler
{
    public async Task LinkAsync(UpdateContext context, string? number, CancellationToken ct)
    {
        if (context.Update.Message is not { Chat: { Type: ChatType.Group or ChatType.Supergroup } chat })
        {
            context.ReplyProblem(new Problem(ProjectProblems.LinkInGroupOnly));
            return;
        }
        if (string.IsNullOrWhiteSpace(number))
        {
            context.Reply(ProjectTexts.LinkUsage);
            return;
        }
        if (await desk.FindAsync(number, ct) is not { } project)
        {
            context.ReplyProblem(new Problem(ProjectProblems.NotFound, number));
            return;
        }
        if (context.Person is not { } person)
        {
            context.ReplyProblem(new Problem(ProjectProblems.LinkNotAllowed));
            return;
        }
        var linked = await groups.LinkAsync(project, chat.Id, person, ct);
        if (!linked.IsOk)
        {
            context.ReplyProblem(linked.Problem!);
            return;
        }
        await RememberTitleAsync(chat, ct);
        var (done, outcome) = linked.Value;
        var title = chat.Title ?? chat.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (outcome == LinkOutcome.AlreadyLinked)
        {
            context.Reply(ProjectTexts.AlreadyLinked, title, done.Number);
            return;
        }
        // The client reads the group: greet them in the organisation's language, not the PM's.
        context.Out.Send(chat.Id, ProjectTexts.GroupWelcome.In(context.Lang, done.Title));
        if (person.ChatId is { } pmChat)
        {
            context.Out.Send(pmChat, ProjectTexts.Linked.In(person.Language, title, done.Number));
            var me = await context.Clients.MeAsync(ct);
            if (me.CanReadAllGroupMessages != true) context.Out.Send(pmChat, ProjectTexts.PrivacyOn.In(person.Language));
        }
        if (context.Update.Message.From is { } from)
            await groups.SeenAsync(chat.Id, [new GroupMember(from.Id, Name(from), from.Username, from.IsBot)], ct);
    }

    public Task StartInGroupAsync(UpdateContext context, CancellationToken ct) => LinkAsync(context, context.Args.FirstOrDefault(), ct);

    private async Task RememberTitleAsync(Chat chat, CancellationToken ct)
    {
        var record = await chats.GetAsync(chat.Id, ct) ?? new ChatRecord { Id = chat.Id, IsGroup = true };
        if (record.Title == chat.Title && record.IsGroup) return;
        record.Title = chat.Title ?? record.Title;
        record.IsGroup = true;
        await chats.SaveAsync(record, ct);
    }

    public static string Name(User user) => string.Join(' ', new[] { user.FirstName, user.LastName }.Where(n => !string.IsNullOrWhiteSpace(n)));
}

public sealed class LinkCommand(GroupLinking linking) : ICommandHandler
{
    public string Command => "link";

    public Task HandleAsync(UpdateContext context, CancellationToken ct) => linking.LinkAsync(context, context.Args.FirstOrDefault(), ct);
}

/// <summary>
/// Ordinary messages in groups (not commands): the people in a linked group who are not staff become the
/// client's contacts; an answer to a question the bot asked in the group (a persisted dialog) goes on to
/// its flow, whether or not the person is staff.
/// </summary>
public sealed class GroupMessageHandler(ProjectGroups groups, IConversationStore conversations, IEnumerable<IConversationFlow> flows,
    IEnumerable<IGroupMessageListener> listeners) : IServiceUpdateHandler
{
    public bool Accepts(Update update) =>
        update.Message is { Chat.Type: ChatType.Group or ChatType.Supergroup, MigrateToChatId: null, MigrateFromChatId: null } message
        && !(message.Text ?? message.Caption ?? "").StartsWith('/');

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Update.Message is not { } message) return;
        var members = new List<GroupMember>();
        if (message.From is { } from) members.Add(new GroupMember(from.Id, GroupLinking.Name(from), from.Username, from.IsBot));
        members.AddRange((message.NewChatMembers ?? []).Select(u => new GroupMember(u.Id, GroupLinking.Name(u), u.Username, u.IsBot)));
        await groups.SeenAsync(message.Chat.Id, members, ct);
        if (message.From is { IsBot: false } sender
            && await conversations.GetAsync(message.Chat.Id, sender.Id, ct) is { } conversation
            && flows.FirstOrDefault(f => f.Flow == conversation.Flow) is { } flow)
        {
            await flow.HandleAsync(context, conversation, ct);
            return;
        }
        foreach (var listener in listeners)
        {
            if (await listener.HandleAsync(context, ct)) return;
        }
    }
}

/// <summary>A feature that takes ordinary group messages no dialog was waiting for (the brief asked in the group); true when it took it.</summary>
public interface IGroupMessageListener
{
    Task<bool> HandleAsync(UpdateContext context, CancellationToken ct);
}
