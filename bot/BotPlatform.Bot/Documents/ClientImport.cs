using System.Text;
using BotPlatform.Bot.Routing;
using BotPlatform.Bot.Telegram;
using BotPlatform.Core.Common;
using BotPlatform.Core.Documents.Clients;
using BotPlatform.Core.Messaging;
using global::Telegram.Bot;
using global::Telegram.Bot.Exceptions;

namespace BotPlatform.Bot.Documents;

/// <summary>
/// /client import: the bot waits for a .csv/.yaml/.yml document (at most 20 MB, checked by Telegram's
/// file_size before anything is downloaded), downloads it, and hands its rows to the registry. A file
/// with errors stores nothing and the bot keeps waiting for the corrected file; /cancel leaves.
/// </summary>
public sealed class ClientImport(IConversationStore conversations, ClientRegistry registry, IClientFileReader reader, TimeProvider time)
    : IConversationFlow
{
    public const string FlowName = "client-import";
    /// <summary>How many bad lines one answer lists; the rest are counted (a Telegram message holds 4096 characters).</summary>
    public const int MaxListedRows = 15;

    public string Flow => FlowName;

    public async Task StartAsync(UpdateContext context, CancellationToken ct)
    {
        if (context is not { Person: { } person, From: { } from }) return;
        if (!ClientRegistry.MayImport(person))
        {
            context.ReplyProblem(new Problem(ClientProblems.ImportNotAllowed));
            return;
        }
        await conversations.SaveAsync(new Conversation
        {
            ChatId = context.ChatId, UserId = from.UserId, Flow = FlowName, Step = "file", UpdatedAt = time.GetUtcNow(),
        }, ct);
        context.Reply(ClientDialogTexts.ImportAsk, string.Join(", ", ClientFields.All.Select(f => f.Key)));
    }

    public async Task HandleAsync(UpdateContext context, Conversation conversation, CancellationToken ct)
    {
        if (context is not { Person: { } person, Update.Message: { } message }) return;
        if (message.Document is not { } document)
        {
            context.ReplyProblem(new Problem(ClientProblems.ImportNoFile));
            return;
        }
        if (ClientFiles.KindOf(document.FileName) is not { IsOk: true } kind)
        {
            context.ReplyProblem(new Problem(ClientProblems.ImportFileType, document.FileName ?? "?"));
            return;
        }
        if (ClientFiles.TooLarge(document.FileSize) is { } tooLarge)
        {
            context.ReplyProblem(tooLarge);
            return;
        }
        using var content = new MemoryStream();
        try
        {
            await context.Clients.Sending.GetInfoAndDownloadFile(document.FileId, content, ct);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400)
        {
            // Telegram refuses files over 20 MB even when the message did not say the size.
            context.ReplyProblem(new Problem(ClientProblems.ImportNotDownloaded));
            return;
        }
        content.Position = 0;
        var read = reader.Read(kind.Value, content);
        var imported = read.IsOk ? await registry.ImportAsync(read.Value!, person, ct) : Result<ClientImportResult>.Fail(read.Problem!);
        if (!imported.IsOk)
        {
            context.ReplyProblem(imported.Problem!);
            return;
        }
        var result = imported.Value!;
        if (!result.IsOk)
        {
            context.Reply(Report(result, context));
            return;
        }
        await conversations.DeleteAsync(conversation.ChatId, conversation.UserId, ct);
        context.Reply(ClientDialogTexts.ImportDone.In(context.Lang, result.Created.Count) + "\n"
            + string.Join("\n", result.Created.Select(c => "• " + ClientViews.Caption(c))));
    }

    private static string Report(ClientImportResult result, UpdateContext context)
    {
        var lang = context.Lang;
        var text = new StringBuilder(ClientDialogTexts.ImportRefused.In(lang));
        foreach (var row in result.BadRows.Take(MaxListedRows))
        {
            var problems = string.Join(" ", row.Problems.Select(p => ProblemTexts.Render(p, lang)));
            text.Append('\n').Append(ClientDialogTexts.ImportRow.In(lang, row.Line, problems));
        }
        if (result.BadRows.Count > MaxListedRows) text.Append('\n').Append(ClientDialogTexts.ImportMore.In(lang, result.BadRows.Count - MaxListedRows));
        return text.ToString();
    }
}
