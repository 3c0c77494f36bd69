using System.Globalization;
using System.Text;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents;
using BotPlatform.Core.Localization;
using BotPlatform.Core.Messaging;
using BotPlatform.Core.People;

namespace BotPlatform.Core.Projects.Archive;

/// <summary>An exported archive: the page's file name and bytes (UTF-8 HTML) and how many messages it holds.</summary>
public sealed record ArchiveExport(Project Project, string FileName, byte[] Content, int Messages);

/// <summary>/project NUMBER archive: the project's group conversation as one HTML file, for the people with access to the project.</summary>
public sealed class ArchiveDesk(
    GroupArchive archive,
    IProjectTaskStore tasks,
    IClientStore clients,
    IChatStore chats,
    Organisation organisation,
    TimeProvider time)
{
    public async Task<Result<ArchiveExport>> ExportAsync(Project project, Person actor, bool botSeesAllMessages, Lang lang, CancellationToken ct)
    {
        var list = await tasks.ByProjectAsync(project.Id, ct);
        if (!GroupArchive.MayRead(project, list, actor)) return Result<ArchiveExport>.Fail(ArchiveProblems.NotAllowed, project.Number);
        if (project.GroupChatIds.Count == 0) return Result<ArchiveExport>.Fail(ArchiveProblems.NoGroup, project.Number);
        var messages = await archive.ConversationAsync(project, ct);
        var titles = new List<string>();
        foreach (var chat in project.GroupChatIds)
            titles.Add((await chats.GetAsync(chat, ct))?.Title ?? chat.ToString(CultureInfo.InvariantCulture));
        var client = await clients.GetAsync(project.ClientId, ct);
        var taskLabels = list.Where(t => t.SourceMessage is not null)
            .GroupBy(t => t.SourceMessage!)
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(t => $"{project.Number}#{t.No}")));
        var now = time.GetUtcNow();
        var html = ArchiveHtml.Render(new ArchivePage(project, client?.LegalName ?? "—", titles, messages, taskLabels, botSeesAllMessages, now, actor.Name, lang),
            organisation.Calendar);
        var stamp = organisation.Calendar.ToLocal(now).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return Result<ArchiveExport>.Ok(new ArchiveExport(project, $"{project.Number}-archive-{stamp}.html", Encoding.UTF8.GetBytes(html),
            messages.Count(m => m.Event == ArchivedEvent.None)));
    }
}
