using BotPlatform.Bot.Routing;
using BotPlatform.Core.Common;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.Projects;
using BotPlatform.Core.Projects.Archive;
using global::Telegram.Bot.Types.Enums;

namespace BotPlatform.Bot.Projects;

/// <summary>/project NUMBER archive: the group's conversation as an HTML file, in the private chat of someone with access to the project.</summary>
public sealed class ArchiveSending(ArchiveDesk desk, IFileStore files)
{
    public const string Word = "archive";

    public static bool IsArchive(string[] args) => args is [_, var word] && (word.Equals(Word, StringComparison.OrdinalIgnoreCase)
                                                                             || word.Equals("архив", StringComparison.OrdinalIgnoreCase));

    public async Task SendAsync(UpdateContext context, Project project, CancellationToken ct)
    {
        if (context.Person is not { } person) return;
        var me = await context.Clients.MeAsync(ct);
        var export = await desk.ExportAsync(project, person, me.CanReadAllGroupMessages == true, context.Lang, ct);
        if (!export.IsOk)
        {
            context.ReplyProblem(export.Problem!);
            return;
        }
        var done = export.Value!;
        if (done.Messages == 0) context.Reply(ArchiveTexts.Empty, project.Number);
        var key = await files.SaveAsync(done.FileName, new MemoryStream(done.Content), ct);
        context.Out.SendDocument(context.ChatId, key, done.FileName, ArchiveTexts.Caption.In(context.Lang, project.Number, project.Title, done.Messages));
    }
}

/// <summary>/task [PROJECT] as a reply to a client's message in the group: the message becomes a task of the group's project.</summary>
public sealed class TaskCommand(TaskFromMessage tasks) : ICommandHandler
{
    public string Command => "task";

    public async Task HandleAsync(UpdateContext context, CancellationToken ct)
    {
        if (context.Update.Message is not { Chat.Type: ChatType.Group or ChatType.Supergroup } message)
        {
            context.ReplyProblem(new Problem(ArchiveProblems.TaskGroupOnly));
            return;
        }
        if (context.Person is not { IsActive: true } person)
        {
            context.ReplyProblem(new Problem(ArchiveProblems.TaskNotStaff));
            return;
        }
        if (message.ReplyToMessage is not { } reply || GroupArchiveRecorder.Read(reply) is not { } source || GroupArchiveRecorder.Read(message) is not { } command)
        {
            context.ReplyProblem(new Problem(ArchiveProblems.TaskNotReply));
            return;
        }
        var made = await tasks.CreateAsync(message.Chat.Id, context.Args.FirstOrDefault(), person, source, command, context.Out, ct);
        if (!made.IsOk) context.ReplyProblem(made.Problem!);
    }
}
